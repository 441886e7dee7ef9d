'use client';
/**
 * The metadata fields shared by the new-client form and the client page: name, redirect URIs,
 * post-logout URIs, and (behind "Advanced") scope, grant and response types, auth method, ID
 * token algorithm and subject type. Each shows the API's message for its `metadata.<field>`.
 */
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/field';
import type { ApiError } from '../graphql/api-error';
import { AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES } from './app-types';
import styles from './clients.module.css';
import type { MetadataDraft } from './metadata-draft';

const ID_TOKEN_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;

export function MetadataFields(props: {
  draft: MetadataDraft;
  onChange: (draft: MetadataDraft) => void;
  error: ApiError | undefined;
  redirectPlaceholder?: string;
  /** Open the advanced fields from the start (the client page does). */
  advancedOpen?: boolean;
}) {
  const { draft, onChange, error } = props;
  const set = <K extends keyof MetadataDraft>(key: K, value: MetadataDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const toggle = (key: 'grantTypes' | 'responseTypes', value: string, on: boolean) =>
    set(key, on ? [...draft[key], value] : draft[key].filter((item) => item !== value));
  const fieldError = (field: string) => error?.fieldError(`metadata.${field}`);
  return (
    <>
      <TextField
        label="Name"
        name="client_name"
        value={draft.clientName}
        onChange={(event) => set('clientName', event.target.value)}
        error={fieldError('client_name')}
        hint="Shown to users on the login and consent pages."
        autoComplete="off"
      />
      <TextAreaField
        label="Redirect URIs"
        name="redirect_uris"
        rows={3}
        value={draft.redirectUris}
        placeholder={props.redirectPlaceholder}
        onChange={(event) => set('redirectUris', event.target.value)}
        error={fieldError('redirect_uris')}
        hint="One per line. Web apps need https; native apps a custom scheme or http://127.0.0.1."
        spellCheck={false}
      />
      <TextAreaField
        label="Post-logout redirect URIs"
        name="post_logout_redirect_uris"
        rows={2}
        value={draft.postLogoutRedirectUris}
        onChange={(event) => set('postLogoutRedirectUris', event.target.value)}
        error={fieldError('post_logout_redirect_uris')}
        hint="Optional, one per line: where users may land after signing out."
        spellCheck={false}
      />
      <details className={styles.advanced} open={props.advancedOpen}>
        <summary>Advanced</summary>
        <div className="form-row">
          <SelectField
            label="Application type"
            value={draft.applicationType}
            onChange={(event) => set('applicationType', event.target.value)}
            error={fieldError('application_type')}
            options={[
              { value: 'web', label: 'web' },
              { value: 'native', label: 'native' },
            ]}
          />
          <SelectField
            label="Token endpoint auth method"
            value={draft.tokenEndpointAuthMethod}
            onChange={(event) => set('tokenEndpointAuthMethod', event.target.value)}
            error={fieldError('token_endpoint_auth_method')}
            options={AUTH_METHODS.map((method) => ({ value: method, label: method }))}
          />
        </div>
        <div className="form-row">
          <SelectField
            label="ID token signing algorithm"
            value={draft.idTokenSignedResponseAlg}
            onChange={(event) => set('idTokenSignedResponseAlg', event.target.value)}
            error={fieldError('id_token_signed_response_alg')}
            options={ID_TOKEN_ALGS.map((alg) => ({ value: alg, label: alg }))}
          />
          <SelectField
            label="Subject type"
            value={draft.subjectType}
            onChange={(event) => set('subjectType', event.target.value)}
            error={fieldError('subject_type')}
            options={[
              { value: '', label: "Tenant's default" },
              { value: 'public', label: 'public' },
              { value: 'pairwise', label: 'pairwise' },
            ]}
          />
        </div>
        <TextField
          label="Scope"
          value={draft.scope}
          onChange={(event) => set('scope', event.target.value)}
          error={fieldError('scope')}
          hint="Optional, space-separated: the scopes this client may ask for. Empty: any."
          autoComplete="off"
          spellCheck={false}
        />
        <fieldset>
          <legend>Grant types</legend>
          <div className={styles.checks}>
            {GRANT_TYPES.map((grant) => (
              <CheckboxField
                key={grant}
                label={<code>{grant}</code>}
                checked={draft.grantTypes.includes(grant)}
                onChange={(event) => toggle('grantTypes', grant, event.target.checked)}
              />
            ))}
          </div>
          {fieldError('grant_types') && <p className="field-error">{fieldError('grant_types')}</p>}
        </fieldset>
        <fieldset>
          <legend>Response types</legend>
          <div className={styles.checks}>
            {RESPONSE_TYPES.map((type) => (
              <CheckboxField
                key={type}
                label={<code>{type}</code>}
                checked={draft.responseTypes.includes(type)}
                onChange={(event) => toggle('responseTypes', type, event.target.checked)}
              />
            ))}
          </div>
          {fieldError('response_types') && (
            <p className="field-error">{fieldError('response_types')}</p>
          )}
        </fieldset>
      </details>
    </>
  );
}
