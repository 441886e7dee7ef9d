'use client';
/** Brute-force limits of password login: failures allowed within a sliding window, per scope. */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { formatDuration } from '../components/format';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import type { LoginLimits, TenantSettings } from './operations';
import { parseSeconds, useSettingsSave } from './use-settings-save';

const SCOPES: readonly { key: keyof LoginLimits; label: string }[] = [
  { key: 'perAccount', label: 'Per account' },
  { key: 'perAddress', label: 'Per IP address' },
  { key: 'perTenant', label: 'Whole tenant' },
];
const PARTS = ['maxFailures', 'windowSeconds'] as const;
type Part = (typeof PARTS)[number];
type Texts = Record<keyof LoginLimits, Record<Part, string>>;

export function LoginLimitsSection(props: {
  tenantId: string;
  limits: LoginLimits;
  onSaved: (settings: TenantSettings) => void;
}) {
  const [texts, setTexts] = useState<Texts>(
    () =>
      Object.fromEntries(
        SCOPES.map(({ key }) => [
          key,
          {
            maxFailures: String(props.limits[key].maxFailures),
            windowSeconds: String(props.limits[key].windowSeconds),
          },
        ]),
      ) as Texts,
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { save, pending, fieldError, noticeError } = useSettingsSave(
    props.tenantId,
    props.onSaved,
    'Login limits saved',
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const patch: Record<string, Record<string, number>> = {};
    for (const { key } of SCOPES) {
      patch[key] = {};
      for (const part of PARTS) {
        const value = parseSeconds(texts[key][part]);
        if (value === null || Number.isNaN(value))
          problems[`${key}.${part}`] = 'Enter a whole number.';
        else patch[key][part] = value;
      }
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    await save({ loginLimits: patch });
  };
  return (
    <Section
      title="Login limits"
      description="Failed password logins allowed within a sliding window; further attempts wait until failures leave it."
    >
      <form className="form" onSubmit={submit} noValidate>
        {SCOPES.map((scope) => (
          <fieldset key={scope.key}>
            <legend>{scope.label}</legend>
            <div className="form-row">
              {PARTS.map((part) => {
                const window = parseSeconds(texts[scope.key].windowSeconds);
                return (
                  <TextField
                    key={part}
                    label={part === 'maxFailures' ? 'Maximum failures' : 'Window (seconds)'}
                    inputMode="numeric"
                    value={texts[scope.key][part]}
                    onChange={(event) =>
                      setTexts({
                        ...texts,
                        [scope.key]: { ...texts[scope.key], [part]: event.target.value },
                      })
                    }
                    hint={
                      part === 'windowSeconds' && window !== null && !Number.isNaN(window)
                        ? `${formatDuration(window)}; at most 1 day.`
                        : undefined
                    }
                    error={
                      localErrors[`${scope.key}.${part}`] ??
                      fieldError(`settings.loginLimits.${scope.key}.${part}`)
                    }
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
        <ErrorNotice error={noticeError('settings.loginLimits')} listFieldErrors />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save login limits
          </Button>
        </div>
      </form>
    </Section>
  );
}
