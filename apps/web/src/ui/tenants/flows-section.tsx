'use client';
/**
 * What the tenant's provider offers clients: grant and response types, signing algorithms,
 * client authentication methods and subject types (each a non-empty set) and the refresh rules.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { CheckboxField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import type { ProtocolSettings, TenantSettings } from './operations';
import styles from './settings.module.css';
import { useSettingsSave } from './use-settings-save';

type ListKey =
  | 'grantTypes'
  | 'responseTypes'
  | 'signingAlgorithms'
  | 'tokenEndpointAuthMethods'
  | 'subjectTypes';

const LISTS: readonly {
  key: ListKey;
  legend: string;
  values: readonly string[];
  fixed?: string;
}[] = [
  {
    key: 'grantTypes',
    legend: 'Grant types',
    values: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
  },
  {
    key: 'responseTypes',
    legend: 'Response types',
    values: [
      'code',
      'id_token',
      'id_token token',
      'code id_token',
      'code token',
      'code id_token token',
    ],
  },
  {
    key: 'signingAlgorithms',
    legend: 'Signing algorithms',
    values: ['RS256', 'ES256', 'EdDSA'],
    // OIDC Core 15.1: every provider signs with RS256; the engine always offers it.
    fixed: 'RS256',
  },
  {
    key: 'tokenEndpointAuthMethods',
    legend: 'Token endpoint authentication methods',
    values: [
      'client_secret_basic',
      'client_secret_post',
      'client_secret_jwt',
      'private_key_jwt',
      'none',
    ],
  },
  { key: 'subjectTypes', legend: 'Subject types', values: ['public', 'pairwise'] },
];

type Lists = Record<ListKey, string[]>;

export function FlowsSection(props: {
  tenantId: string;
  protocol: ProtocolSettings;
  onSaved: (settings: TenantSettings) => void;
}) {
  const { protocol } = props;
  const [lists, setLists] = useState<Lists>(() => ({
    grantTypes: protocol.grantTypes,
    responseTypes: protocol.responseTypes,
    signingAlgorithms: protocol.signingAlgorithms,
    tokenEndpointAuthMethods: protocol.tokenEndpointAuthMethods,
    subjectTypes: protocol.subjectTypes,
  }));
  const [idTokenOnRefresh, setIdTokenOnRefresh] = useState(protocol.idTokenOnRefresh);
  const [requireOffline, setRequireOffline] = useState(protocol.refreshTokensRequireOfflineAccess);
  const { save, pending, fieldError, noticeError } = useSettingsSave(
    props.tenantId,
    props.onSaved,
    'Flows saved',
  );
  const toggle = (key: ListKey, value: string, on: boolean) => {
    const current = lists[key].filter((entry) => entry !== value);
    setLists({ ...lists, [key]: on ? [...current, value] : current });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({
      protocol: {
        ...lists,
        idTokenOnRefresh,
        refreshTokensRequireOfflineAccess: requireOffline,
      },
    });
  };
  return (
    <Section
      title="Flows"
      description="What the tenant offers its clients, as discovery publishes it."
    >
      <form className="form" onSubmit={submit} noValidate>
        <div className={styles.checkGroups}>
          {LISTS.map((list) => {
            const error = fieldError(`settings.protocol.${list.key}`);
            return (
              <fieldset key={list.key} aria-invalid={error ? true : undefined}>
                <legend>{list.legend}</legend>
                {list.values.map((value) => (
                  <CheckboxField
                    key={value}
                    label={<code>{value}</code>}
                    checked={value === list.fixed || lists[list.key].includes(value)}
                    disabled={value === list.fixed}
                    hint={value === list.fixed ? 'Always on.' : undefined}
                    onChange={(event) => toggle(list.key, value, event.target.checked)}
                  />
                ))}
                {error && <p className="field-error">{error}</p>}
              </fieldset>
            );
          })}
        </div>
        <CheckboxField
          label="Issue a new ID token on refresh"
          checked={idTokenOnRefresh}
          onChange={(event) => setIdTokenOnRefresh(event.target.checked)}
          error={fieldError('settings.protocol.idTokenOnRefresh')}
        />
        <CheckboxField
          label="Refresh tokens require the offline_access scope"
          checked={requireOffline}
          onChange={(event) => setRequireOffline(event.target.checked)}
          error={fieldError('settings.protocol.refreshTokensRequireOfflineAccess')}
        />
        <ErrorNotice error={noticeError('settings.protocol')} listFieldErrors />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Save flows
          </Button>
        </div>
      </form>
    </Section>
  );
}
