'use client';
/**
 * A user's claims: the OIDC standard ones as typed fields, every other claim as JSON. Saving
 * merges both and replaces the stored claims (updateUser(claims)); the JSON is checked here
 * first, and the API's per-claim errors show under the field or the JSON they belong to.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { Button } from '../components/button';
import { SelectField, TextAreaField, TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { USER_UPDATE, type UserDetail } from './operations';
import { isTypedClaim, mergeClaims, splitClaims, TYPED_CLAIMS } from './standard-claims';
import styles from './users.module.css';

const BOOLEAN_OPTIONS = [
  { value: '', label: 'Not set' },
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

export function ClaimsEditor(props: { user: UserDetail; onSaved: (user: UserDetail) => void }) {
  const { tenant } = useTenant();
  const toast = useToast();
  const initial = useMemo(() => splitClaims(props.user.claims), [props.user.claims]);
  const [typed, setTyped] = useState(initial.typed);
  const [customJson, setCustomJson] = useState(initial.customJson);
  const [jsonError, setJsonError] = useState<string | undefined>(undefined);
  const [update, { pending, error, reset }] = useMutation(USER_UPDATE);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    const merged = mergeClaims(typed, customJson);
    if ('jsonError' in merged) {
      setJsonError(merged.jsonError);
      return;
    }
    setJsonError(undefined);
    const saved = await update({
      tenantId: tenant.id,
      userId: props.user.id,
      claims: merged.claims,
    });
    if (!saved) return;
    toast.success('Claims saved');
    props.onSaved(saved.updateUser);
  };

  const apiError = error instanceof ApiError ? error : undefined;
  // Errors about claims without a typed field belong to the JSON.
  const customErrors = (apiError?.fieldErrors ?? []).filter((fieldError) => {
    const name = fieldError.path.replace(/^claims\.?/, '').split('.')[0] ?? '';
    return fieldError.path.startsWith('claims') && !isTypedClaim(name);
  });
  return (
    <Section
      title="Claims"
      description="Released to applications at userinfo and in ID tokens, by the scopes they ask for."
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={apiError && apiError.fieldErrors.length > 0 ? undefined : error} />
        <fieldset>
          <legend>Standard claims</legend>
          <div className="form-row">
            {TYPED_CLAIMS.map((claim) =>
              claim.kind === 'boolean' ? (
                <SelectField
                  key={claim.name}
                  label={claim.label}
                  hint={<code>{claim.name}</code>}
                  options={BOOLEAN_OPTIONS}
                  value={typed[claim.name] ?? ''}
                  onChange={(event) =>
                    setTyped((current) => ({ ...current, [claim.name]: event.target.value }))
                  }
                  error={apiError?.fieldError(`claims.${claim.name}`)}
                />
              ) : (
                <TextField
                  key={claim.name}
                  label={claim.label}
                  hint={<code>{claim.name}</code>}
                  type={claim.inputType ?? 'text'}
                  value={typed[claim.name] ?? ''}
                  onChange={(event) =>
                    setTyped((current) => ({ ...current, [claim.name]: event.target.value }))
                  }
                  error={apiError?.fieldError(`claims.${claim.name}`)}
                  autoComplete="off"
                />
              ),
            )}
          </div>
        </fieldset>
        <TextAreaField
          label="Other claims (JSON)"
          hint='A JSON object, e.g. {"department": "Sales", "address": {"country": "NZ"}}.'
          value={customJson}
          onChange={(event) => setCustomJson(event.target.value)}
          error={jsonError ?? (customErrors.length === 1 ? describe(customErrors[0]) : undefined)}
          spellCheck={false}
          rows={8}
        />
        {customErrors.length > 1 && (
          <ul className={styles.claimErrors}>
            {customErrors.map((fieldError) => (
              <li key={fieldError.path}>{describe(fieldError)}</li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save claims
          </Button>
        </div>
      </form>
    </Section>
  );
}

function describe(fieldError: { path: string; message: string } | undefined): string | undefined {
  if (!fieldError) return undefined;
  const claim = fieldError.path.replace(/^claims\.?/, '');
  return claim ? `${claim}: ${fieldError.message}` : fieldError.message;
}
