import { describe, expect, it } from 'vitest';
import {
  keyRotationOf,
  keyRotationScheduleSchema,
  parseTenantSettings,
  TenantSettingsError,
} from '../../src/tenants/index.js';

const SALT = 'a-subject-salt-of-enough-length';

describe('Tenant settings: keyRotation', () => {
  it('is absent from a document that sets no schedule', () => {
    expect(parseTenantSettings({ subjectSalt: SALT })).not.toHaveProperty('keyRotation');
  });

  it('keeps a valid schedule', () => {
    const settings = parseTenantSettings({
      subjectSalt: SALT,
      keyRotation: { intervalDays: 90, overlapDays: 7 },
    });
    expect(settings.keyRotation).toEqual({ intervalDays: 90, overlapDays: 7 });
  });

  it('refuses an overlap shorter than a day, the longest ID token lifetime', () => {
    expect(() =>
      parseTenantSettings({ subjectSalt: SALT, keyRotation: { intervalDays: 30, overlapDays: 0 } }),
    ).toThrow(TenantSettingsError);
  });

  it('names the invalid fields of a schedule by path', () => {
    const result = keyRotationScheduleSchema.safeParse({ intervalDays: 1.5, overlapDays: 400 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'intervalDays',
      'overlapDays',
    ]);
  });

  it('reads the schedule of a raw document, ignoring a missing or broken one', () => {
    expect(keyRotationOf({ keyRotation: { intervalDays: 30, overlapDays: 2 } })).toEqual({
      intervalDays: 30,
      overlapDays: 2,
    });
    expect(keyRotationOf({})).toBeUndefined();
    expect(keyRotationOf({ keyRotation: { intervalDays: 'soon' } })).toBeUndefined();
    expect(keyRotationOf(null)).toBeUndefined();
  });
});
