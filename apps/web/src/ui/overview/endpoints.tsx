'use client';
/**
 * The URLs an application needs to use the tenant: issuer and discovery URL from the API, the
 * endpoints from the discovery document itself (fetched from apps/op in the browser, so what is
 * shown is what apps/op serves), and the issuers of its custom domains.
 */
import { useEffect, useState } from 'react';
import { CopyableValue } from '../components/copy-button';
import { Skeleton } from '../components/notices';
import type { TenantSummary } from '../shell/operations';

/** Discovery fields shown, in the order an integrator needs them. */
const DISCOVERY_FIELDS = [
  ['authorization_endpoint', 'Authorization endpoint'],
  ['token_endpoint', 'Token endpoint'],
  ['userinfo_endpoint', 'UserInfo endpoint'],
  ['jwks_uri', 'JWKS URI'],
  ['end_session_endpoint', 'End-session endpoint'],
  ['registration_endpoint', 'Registration endpoint'],
] as const;

type Discovery = Partial<Record<(typeof DISCOVERY_FIELDS)[number][0], string>>;

function useDiscovery(url: string) {
  const [state, setState] = useState<{ document?: Discovery; error?: unknown }>({});
  useEffect(() => {
    const controller = new AbortController();
    setState({});
    fetch(url, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The discovery document answered ${response.status}`);
        setState({ document: (await response.json()) as Discovery });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ error });
      });
    return () => controller.abort();
  }, [url]);
  return state;
}

export function Endpoints(props: { tenant: TenantSummary }) {
  const { tenant } = props;
  const discovery = useDiscovery(tenant.discoveryUrl);
  return (
    <dl className="definition-list" aria-label="Endpoints">
      <dt>Issuer</dt>
      <dd>
        <CopyableValue value={tenant.issuer} label="Issuer" />
      </dd>
      <dt>Discovery URL</dt>
      <dd>
        <CopyableValue value={tenant.discoveryUrl} label="Discovery URL" />
      </dd>
      {tenant.domains.map((domain) => (
        <DomainIssuer key={domain} domain={domain} />
      ))}
      {discovery.document ? (
        DISCOVERY_FIELDS.map(([field, label]) => {
          const value = discovery.document?.[field];
          return value ? <Entry key={field} label={label} value={value} /> : null;
        })
      ) : (
        <dd style={{ gridColumn: '1 / -1' }}>
          {discovery.error ? (
            <p className="notice notice-error" role="alert">
              The discovery document could not be loaded from {tenant.discoveryUrl}.
            </p>
          ) : (
            <Skeleton rows={DISCOVERY_FIELDS.length} label="Loading the discovery document…" />
          )}
        </dd>
      )}
    </dl>
  );
}

function DomainIssuer(props: { domain: string }) {
  return <Entry label={`Issuer at ${props.domain}`} value={`https://${props.domain}`} />;
}

function Entry(props: { label: string; value: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        <CopyableValue value={props.value} label={props.label} />
      </dd>
    </>
  );
}
