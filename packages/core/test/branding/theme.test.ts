import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  DEFAULT_BACKGROUND,
  DEFAULT_PRIMARY,
  readableTextOn,
  themeFor,
} from '../../src/branding/theme.js';

describe('Tenant theme colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('puts white text on dark colours and black text on light ones', () => {
    expect(readableTextOn('#1d4ed8')).toBe('#ffffff');
    expect(readableTextOn('#000080')).toBe('#ffffff');
    expect(readableTextOn('#ffcc00')).toBe('#000000');
    expect(readableTextOn('#f3f4f6')).toBe('#000000');
  });

  it('always reaches at least 4.5:1 between a button colour and its text', () => {
    for (let value = 0; value < 256; value += 5) {
      const hex = value.toString(16).padStart(2, '0');
      for (const color of [`#${hex}${hex}${hex}`, `#${hex}0000`, `#00${hex}00`, `#0000${hex}`]) {
        expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("uses the tenant's branding, falling back to the tenant name and default colours", () => {
    expect(themeFor('Acme', undefined)).toMatchObject({
      displayName: 'Acme',
      primary: DEFAULT_PRIMARY,
      background: DEFAULT_BACKGROUND,
    });
    const branded = themeFor('Acme', {
      displayName: 'Acme Corp',
      primaryColor: '#FFCC00',
      backgroundColor: '#101010',
      logoUrl: 'https://acme.example/logo.png',
    });
    expect(branded).toMatchObject({
      displayName: 'Acme Corp',
      primary: '#ffcc00',
      onPrimary: '#000000',
      background: '#101010',
      onBackground: '#ffffff',
      logoUrl: 'https://acme.example/logo.png',
    });
  });

  it('uses the primary colour for links only when it is readable on the white card', () => {
    expect(themeFor('Acme', { primaryColor: '#1d4ed8' }).link).toBe('#1d4ed8');
    expect(themeFor('Acme', { primaryColor: '#ffcc00' }).link).not.toBe('#ffcc00');
  });
});
