'use client';
/**
 * The console home: the tenants the caller may see, searched and paged by the API (never all of
 * them at once: a platform may hold thousands), with a status filter and, for platform
 * operators, the form that creates a tenant.
 */
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { formatDateTime } from '../components/format';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { PagerControls, usePager } from '../components/pager';
import { SearchBox } from '../components/search-box';
import { useQuery } from '../graphql/hooks';
import { useMe } from '../shell/me-context';
import { tenantPath } from '../shell/tenant-frame';
import { CreateTenantPanel } from './create-tenant-panel';
import { TENANTS_LIST, type TenantRow, type TenantStatus } from './operations';
import { StatusBadge } from './status-badge';
import styles from './tenants.module.css';

export const TENANTS_PAGE_SIZE = 25;

const STATUS_FILTERS = [
  { value: '', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Disabled' },
] as const;

export function TenantsList() {
  const me = useMe();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<TenantStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const pager = usePager(`${search}|${status}`);
  const onSearch = useCallback((text: string) => setSearch(text), []);
  const { data, error, loading, refetch } = useQuery(TENANTS_LIST, {
    first: TENANTS_PAGE_SIZE,
    ...(search && { search }),
    ...(status && { status }),
    ...(pager.after && { after: pager.after }),
  });
  const connection = data?.tenants;
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Each tenant is a complete OpenID Provider with its own issuer, users and clients."
        actions={
          me?.platformOperator &&
          !creating && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
            >
              Create tenant
            </button>
          )
        }
      />
      {creating && <CreateTenantPanel onCancel={() => setCreating(false)} />}
      <div className="toolbar">
        <SearchBox label="Search tenants by name or slug" onSearch={onSearch} />
        <div className={styles.filter}>
          <label htmlFor="tenant-status-filter">Status</label>
          <select
            id="tenant-status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value as TenantStatus | '')}
          >
            {STATUS_FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== undefined && <ErrorNotice error={error} retry={() => void refetch()} />}
      <div className={styles.listArea} aria-busy={loading && connection !== undefined}>
        {connection === undefined ? (
          error === undefined && <Skeleton rows={8} label="Loading tenants…" />
        ) : connection.nodes.length === 0 ? (
          <EmptyState
            title={
              search
                ? `No tenants match “${search}”`
                : status
                  ? `No ${status} tenants`
                  : 'No tenants yet'
            }
          >
            {search || status ? 'Try another search or status.' : 'Create one to get started.'}
          </EmptyState>
        ) : (
          <TenantsTable rows={connection.nodes} />
        )}
      </div>
      {connection !== undefined && connection.nodes.length > 0 && (
        <PagerControls
          pager={pager}
          pageInfo={connection.pageInfo}
          totalCount={connection.totalCount}
          noun="tenants"
        />
      )}
    </>
  );
}

function TenantsTable(props: { rows: TenantRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col" className={styles.wide}>
              Issuer
            </th>
            <th scope="col">Status</th>
            <th scope="col" className={styles.wide}>
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((tenant) => (
            <tr key={tenant.id}>
              <td>
                <Link href={tenantPath(tenant.slug)}>{tenant.name}</Link>
              </td>
              <td className={styles.nowrap}>
                <code>{tenant.slug}</code>
              </td>
              <td className={`${styles.issuer} ${styles.wide}`}>{tenant.issuer}</td>
              <td>
                <StatusBadge status={tenant.status} />
              </td>
              <td className={`${styles.nowrap} ${styles.wide}`}>
                {formatDateTime(tenant.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
