'use client';
/**
 * The audit log viewer, at /audit (every event the caller may see; operators can pick a tenant)
 * and at /tenants/[slug]/audit (that tenant's events). Filters live in the URL query, so a
 * filtered view is a link to share.
 */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useMemo, useState } from 'react';
import { Button } from '../components/button';
import { SelectField, TextField } from '../components/field';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { useQuery } from '../graphql/hooks';
import { useMe } from '../shell/me-context';
import styles from './audit.module.css';
import {
  apiFilterOf,
  type FilterKey,
  type FilterValues,
  filtersFromQuery,
  queryOf,
} from './audit-filters';
import { AuditTable } from './audit-rows';
import { AUDIT_TENANTS } from './operations';
import { useAuditPages } from './use-audit-pages';

export function AuditLog(props: { tenantId?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const query = useSearchParams();
  const applied = useMemo(() => filtersFromQuery(query), [query]);
  const me = useMe();
  const wholeLog = props.tenantId === undefined;
  const tenants = useQuery(AUDIT_TENANTS, {}, { skip: !wholeLog });
  const slugs = useMemo(
    () =>
      tenants.data
        ? new Map(tenants.data.tenants.nodes.map((tenant) => [tenant.id, tenant.slug]))
        : undefined,
    [tenants.data],
  );
  const tenantBySlug = tenants.data?.tenants.nodes.find((tenant) => tenant.slug === applied.tenant);
  // On /audit a tenant named in the URL waits for its id, so the list is never briefly unfiltered.
  const waitingForTenant = wholeLog && applied.tenant !== '' && !tenants.data;
  const tenantId = props.tenantId ?? tenantBySlug?.id;
  const unknownTenant = wholeLog && applied.tenant !== '' && tenants.data && !tenantBySlug;
  const filter = useMemo(() => apiFilterOf(applied, tenantId), [applied, tenantId]);
  const pages = useAuditPages(filter, waitingForTenant || Boolean(unknownTenant));

  const apply = (values: FilterValues) => {
    const search = queryOf(values);
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  return (
    <>
      <FilterForm
        key={queryOf(applied)}
        applied={applied}
        onApply={apply}
        tenantOptions={
          wholeLog && me?.platformOperator && tenants.data
            ? tenants.data.tenants.nodes.map((tenant) => ({
                value: tenant.slug,
                label: `${tenant.name} (${tenant.slug})`,
              }))
            : undefined
        }
      />
      {unknownTenant ? (
        <EmptyState title="No such tenant">
          There is no tenant <code>{applied.tenant}</code> that you can see.
        </EmptyState>
      ) : (
        <>
          <ErrorNotice error={pages.error} listFieldErrors retry={pages.reload} />
          {pages.events === undefined ? (
            pages.error ? null : (
              <Skeleton rows={6} label="Loading audit events…" />
            )
          ) : pages.events.length === 0 ? (
            <EmptyState title="No events match">
              Changes made in the console or through the API appear here.
            </EmptyState>
          ) : (
            <div aria-busy={pages.loading || undefined}>
              <AuditTable events={pages.events} tenantSlugs={wholeLog ? slugs : undefined} />
            </div>
          )}
          <div className={styles.more}>
            {pages.events && pages.events.length > 0 && (
              <span>
                {pages.events.length} event{pages.events.length === 1 ? '' : 's'} shown
              </span>
            )}
            {pages.hasMore && (
              <Button onClick={pages.loadMore} pending={pages.loadingMore}>
                Load more
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}

const TEXT_FILTERS: readonly { key: FilterKey; label: string; placeholder: string }[] = [
  { key: 'action', label: 'Action', placeholder: 'client.create' },
  { key: 'objectType', label: 'Object type', placeholder: 'client' },
  { key: 'objectId', label: 'Object ID', placeholder: '' },
  { key: 'actorId', label: 'Actor ID', placeholder: '' },
];

function FilterForm(props: {
  applied: FilterValues;
  onApply: (values: FilterValues) => void;
  tenantOptions: { value: string; label: string }[] | undefined;
}) {
  const [values, setValues] = useState<FilterValues>(props.applied);
  const set = (key: FilterKey, value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(values);
  };
  const empty = Object.values(props.applied).every((value) => value === '');
  return (
    <form className={styles.filters} onSubmit={submit} aria-label="Filter audit events">
      {props.tenantOptions && (
        <SelectField
          label="Tenant"
          value={values.tenant}
          onChange={(event) => set('tenant', event.target.value)}
          options={[{ value: '', label: 'All tenants' }, ...props.tenantOptions]}
        />
      )}
      {TEXT_FILTERS.map((filter) => (
        <TextField
          key={filter.key}
          label={filter.label}
          value={values[filter.key]}
          placeholder={filter.placeholder}
          onChange={(event) => set(filter.key, event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      ))}
      <TextField
        label="From (UTC)"
        type="date"
        value={values.from}
        onChange={(event) => set('from', event.target.value)}
      />
      <TextField
        label="To (UTC, inclusive)"
        type="date"
        value={values.to}
        onChange={(event) => set('to', event.target.value)}
      />
      <div className={styles.filterActions}>
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {!empty && (
          <Button
            variant="ghost"
            onClick={() => props.onApply(filtersFromQuery(new URLSearchParams()))}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
