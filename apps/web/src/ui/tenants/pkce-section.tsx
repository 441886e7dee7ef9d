'use client';
/** PKCE (RFC 7636): who must use it, and whether the weak `plain` method is accepted. */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { CheckboxField, SelectField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import type { PkceRequirement, ProtocolSettings, TenantSettings } from './operations';
import { useSettingsSave } from './use-settings-save';

const REQUIREMENTS = [
  { value: 'all', label: 'Every authorization code flow' },
  { value: 'public', label: 'Clients without a secret only' },
] as const;

export function PkceSection(props: {
  tenantId: string;
  pkce: ProtocolSettings['pkce'];
  onSaved: (settings: TenantSettings) => void;
}) {
  const [required, setRequired] = useState<PkceRequirement>(props.pkce.required);
  const [allowPlain, setAllowPlain] = useState(props.pkce.allowPlain);
  const { save, pending, fieldError, noticeError } = useSettingsSave(
    props.tenantId,
    props.onSaved,
    'PKCE policy saved',
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ protocol: { pkce: { required, allowPlain } } });
  };
  return (
    <Section title="PKCE" description="Proof Key for Code Exchange protects authorization codes.">
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label="PKCE required of"
          options={REQUIREMENTS}
          value={required}
          onChange={(event) => setRequired(event.target.value as PkceRequirement)}
          error={fieldError('settings.protocol.pkce.required')}
        />
        <CheckboxField
          label="Allow the plain method"
          hint="Only S256 protects a code seen by others; allow plain for old clients only."
          checked={allowPlain}
          onChange={(event) => setAllowPlain(event.target.checked)}
          error={fieldError('settings.protocol.pkce.allowPlain')}
        />
        <ErrorNotice error={noticeError('settings.protocol.pkce')} listFieldErrors />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save PKCE policy
          </Button>
        </div>
      </form>
    </Section>
  );
}
