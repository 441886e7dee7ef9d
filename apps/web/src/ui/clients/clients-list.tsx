'use client';
/** The tenant's clients: search by id or name, one page at a time, each linking to its page. */
import Link from 'next/link';
import { useState } from 'react';
import { formatDateTime } from '../components/format';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { PagerControls, usePager } from '../components/pager';
import { SearchBox } from '../components/search-box';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { describeClientKind } from './app-types';
import styles from './clients.module.css';
import { CLIENTS_LIST, type ClientRow } from './operations';

const PAGE_SIZE = 25;

export function ClientsList() {
  const { tenant } = useTenant();
  const [search, setSearch] = useState('');
  const pager = usePager(search);
  const { data, error, loading, refetch } = useQuery(CLIENTS_LIST, {
    tenantId: tenant.id,
    first: PAGE_SIZE,
    ...(search && { search }),
    ...(pager.after && { after: pager.after }),
  });
  const createLink = (
    <Link className="button button-primary" href={tenantPath(tenant.slug, 'new-client')}>
      Create client
    </Link>
  );
  const clients = data?.clients;
  return (
    <>
      <PageHeader
        title="Clients"
        description="Applications that sign users in or call APIs with this tenant's tokens."
        actions={createLink}
      />
      <div className="toolbar">
        <SearchBox label="Search clients" placeholder="Client id or name" onSearch={setSearch} />
      </div>
      <ErrorNotice error={error} retry={() => void refetch()} />
      {!clients && loading && <Skeleton rows={6} label="Loading clients…" />}
      {clients && clients.nodes.length === 0 && !search && (
        <EmptyState title="No clients yet" action={createLink}>
          Create a client for each application that signs users in with this tenant.
        </EmptyState>
      )}
      {clients && clients.nodes.length === 0 && search && (
        <EmptyState title="No clients match">No client id or name contains “{search}”.</EmptyState>
      )}
      {clients && clients.nodes.length > 0 && (
        <div aria-busy={loading || undefined}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Client id</th>
                  <th scope="col">Type / auth method</th>
                  <th scope="col">Redirect URIs</th>
                  <th scope="col">Issued</th>
                </tr>
              </thead>
              <tbody>
                {clients.nodes.map((client) => (
                  <ClientTableRow
                    key={client.clientId}
                    client={client}
                    href={tenantPath(tenant.slug, 'clients', client.clientId)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <PagerControls
            pager={pager}
            pageInfo={clients.pageInfo}
            totalCount={clients.totalCount}
            noun="clients"
          />
        </div>
      )}
    </>
  );
}

function ClientTableRow(props: { client: ClientRow; href: string }) {
  const { client } = props;
  return (
    <tr>
      <td className={styles.wrap}>
        <Link href={props.href}>{client.clientName || 'Unnamed client'}</Link>
      </td>
      <td className={styles.mono}>{client.clientId}</td>
      <td>
        {describeClientKind(client)}
        <br />
        <code className={styles.muted}>{client.tokenEndpointAuthMethod}</code>
      </td>
      <td className="numeric">{client.redirectUris.length}</td>
      <td>{formatDateTime(client.issuedAt)}</td>
    </tr>
  );
}
