'use client';
/** Token and session lifetimes in seconds, each with a human reading of what was typed. */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { formatDuration } from '../components/format';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import type { Lifetimes, TenantSettings } from './operations';
import { parseSeconds, useSettingsSave } from './use-settings-save';

const FIELDS: readonly {
  key: keyof Lifetimes;
  label: string;
  hint: string;
  /** Empty means null: what that means for this lifetime. */
  empty?: string;
}[] = [
  { key: 'accessToken', label: 'Access token', hint: 'At most 1 day.' },
  { key: 'idToken', label: 'ID token', hint: 'At most 1 day.' },
  { key: 'authorizationCode', label: 'Authorization code', hint: 'At most 10 minutes.' },
  {
    key: 'refreshToken',
    label: 'Refresh token',
    hint: 'At most 366 days.',
    empty: 'no refresh tokens',
  },
  {
    key: 'refreshRenewalThreshold',
    label: 'Refresh renewal threshold',
    hint: 'A rotated refresh token with less left gets a full new lifetime.',
    empty: 'never renewed',
  },
  { key: 'session', label: 'Session', hint: 'End-user sessions at the OP; at most 366 days.' },
  { key: 'interaction', label: 'Interaction', hint: 'A paused login or consent; at most 1 hour.' },
];

type Texts = Record<keyof Lifetimes, string>;

function textsOf(lifetimes: Lifetimes): Texts {
  return Object.fromEntries(
    FIELDS.map(({ key }) => [key, lifetimes[key] === null ? '' : String(lifetimes[key])]),
  ) as Texts;
}

export function LifetimesSection(props: {
  tenantId: string;
  lifetimes: Lifetimes;
  onSaved: (settings: TenantSettings) => void;
}) {
  const [texts, setTexts] = useState<Texts>(() => textsOf(props.lifetimes));
  const [localErrors, setLocalErrors] = useState<Partial<Texts>>({});
  const { save, pending, fieldError, noticeError } = useSettingsSave(
    props.tenantId,
    props.onSaved,
    'Token lifetimes saved',
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: Record<string, number | null> = {};
    const problems: Partial<Texts> = {};
    for (const field of FIELDS) {
      const value = parseSeconds(texts[field.key]);
      if (value === null && !field.empty) problems[field.key] = 'Enter a number of seconds.';
      else if (Number.isNaN(value)) problems[field.key] = 'Enter a whole number of seconds.';
      else patch[field.key] = value;
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    await save({ protocol: { lifetimes: patch } });
  };
  return (
    <Section
      title="Token lifetimes"
      description="In seconds. apps/op applies changes within a second."
    >
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-row">
          {FIELDS.map((field) => {
            const value = parseSeconds(texts[field.key]);
            const reading =
              value === null
                ? (field.empty ?? '')
                : Number.isNaN(value)
                  ? ''
                  : formatDuration(value);
            return (
              <TextField
                key={field.key}
                label={`${field.label} (seconds)`}
                name={field.key}
                inputMode="numeric"
                value={texts[field.key]}
                placeholder={field.empty ? `Empty: ${field.empty}` : undefined}
                onChange={(event) => setTexts({ ...texts, [field.key]: event.target.value })}
                hint={reading ? `${capitalised(reading)}. ${field.hint}` : field.hint}
                error={
                  localErrors[field.key] ?? fieldError(`settings.protocol.lifetimes.${field.key}`)
                }
              />
            );
          })}
        </div>
        <ErrorNotice error={noticeError('settings.protocol.lifetimes')} listFieldErrors />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save lifetimes
          </Button>
        </div>
      </form>
    </Section>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
