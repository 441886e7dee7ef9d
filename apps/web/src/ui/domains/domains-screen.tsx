'use client';
/**
 * A tenant's custom domains: each serves the tenant as its own issuer (`https://<domain>`) once
 * DNS points it at apps/op. Adding shows the API's reasons inline (a malformed name, a domain
 * another tenant uses); removing asks first.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CopyableValue } from '../components/copy-button';
import { TextField } from '../components/field';
import { EmptyState, ErrorNotice } from '../components/notices';
import { PageHeader, Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { DOMAINS_ADD, DOMAINS_REMOVE } from './operations';

export function DomainsScreen() {
  const { tenant, refetch } = useTenant();
  const toast = useToast();
  const [domain, setDomain] = useState('');
  const [add, adding] = useMutation(DOMAINS_ADD);
  const [remove, removing] = useMutation(DOMAINS_REMOVE);
  const [removingDomain, setRemovingDomain] = useState<string | undefined>(undefined);

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({ tenantId: tenant.id, domain });
    if (!result) return;
    toast.success(`Domain ${domain.trim().toLowerCase()} added`);
    setDomain('');
    await refetch();
  };

  const onRemove = async () => {
    if (!removingDomain) return;
    const result = await remove({ tenantId: tenant.id, domain: removingDomain });
    if (!result) return;
    toast.success(`Domain ${removingDomain} removed`);
    setRemovingDomain(undefined);
    await refetch();
  };

  const addError = adding.error instanceof ApiError ? adding.error : undefined;
  const inlineError =
    addError?.code === 'CONFLICT'
      ? 'This domain is already used by another tenant.'
      : addError?.fieldError('domain');
  return (
    <>
      <PageHeader
        title="Custom domains"
        description="Serve this tenant at your own host name; each domain is also an issuer."
      />
      <Section title="Domains">
        {tenant.domains.length === 0 ? (
          <EmptyState title="No custom domains yet">
            The tenant is served at <code>{tenant.issuer}</code>.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Custom domains</caption>
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col">Issuer</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tenant.domains.map((name) => (
                  <tr key={name} data-domain={name}>
                    <td>{name}</td>
                    <td>
                      <CopyableValue value={`https://${name}`} label={`Issuer at ${name}`} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={`Remove ${name}`}
                        onClick={() => {
                          removing.reset();
                          setRemovingDomain(name);
                        }}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section
        title="Add a domain"
        description="Point the domain's DNS at the platform first; TLS ends at your proxy."
      >
        <form className="form" onSubmit={onAdd}>
          <TextField
            label="Domain"
            name="domain"
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
            placeholder="id.example.com"
            hint="A host name only: no https://, port or path."
            error={inlineError}
            autoComplete="off"
            spellCheck={false}
            required
          />
          {!inlineError && <ErrorNotice error={adding.error} listFieldErrors />}
          <div className="form-actions">
            <Button type="submit" variant="primary" pending={adding.pending}>
              Add domain
            </Button>
          </div>
        </form>
      </Section>
      <ConfirmDialog
        open={removingDomain !== undefined}
        title={`Remove ${removingDomain ?? 'domain'}?`}
        confirmLabel="Remove domain"
        danger
        pending={removing.pending}
        error={<ErrorNotice error={removing.error} />}
        onConfirm={() => void onRemove()}
        onCancel={() => setRemovingDomain(undefined)}
      >
        <p>
          apps/op stops serving the tenant at <code>https://{removingDomain}</code>. Applications
          using that issuer can no longer sign users in.
        </p>
      </ConfirmDialog>
    </>
  );
}
