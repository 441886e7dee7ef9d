'use client';
/**
 * Every `/tenants/[slug]/...` screen: loads the tenant by slug, shows its name, status and the
 * tabs of its areas, and provides it to the screen (`useTenant`). A tenant the caller may not
 * see looks the same as one that does not exist.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { ApiError } from '../graphql/api-error';
import { useQuery } from '../graphql/hooks';
import { TENANT_BY_SLUG } from './operations';
import { TenantProvider } from './tenant-context';

/**
 * The areas of a tenant; each is `app/(console)/tenants/[slug]/<segment>/page.tsx`, and `also`
 * names a creation screen that belongs to the area.
 */
export const TENANT_TABS = [
  { segment: '', label: 'Overview' },
  { segment: 'clients', label: 'Clients', also: 'new-client' },
  { segment: 'users', label: 'Users', also: 'new-user' },
  { segment: 'claims', label: 'Claims & scopes' },
  { segment: 'keys', label: 'Signing keys' },
  { segment: 'settings', label: 'Settings' },
  { segment: 'branding', label: 'Branding' },
  { segment: 'domains', label: 'Domains' },
  { segment: 'audit', label: 'Audit log' },
  { segment: 'try', label: 'Try it' },
] as const;

/** `/tenants/acme/clients` (encoded), for links between screens. */
export function tenantPath(slug: string, ...segments: string[]): string {
  return ['/tenants', slug, ...segments]
    .filter(Boolean)
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join('/');
}

export function TenantFrame(props: { slug: string; children: ReactNode }) {
  const pathname = usePathname();
  const { data, error, loading, refetch } = useQuery(TENANT_BY_SLUG, { slug: props.slug });
  const tenant = data?.tenant;
  if (!tenant) {
    if (loading) return <Skeleton rows={6} label="Loading tenant…" />;
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
      return (
        <EmptyState
          title="Tenant not found"
          action={
            <Link className="button button-secondary" href="/">
              Back to tenants
            </Link>
          }
        >
          There is no tenant <code>{props.slug}</code> that you can see.
        </EmptyState>
      );
    }
    return <ErrorNotice error={error} retry={() => void refetch()} />;
  }
  const base = tenantPath(tenant.slug);
  const within = (segment: string) =>
    pathname === `${base}/${segment}` || pathname.startsWith(`${base}/${segment}/`);
  const current = TENANT_TABS.filter((tab) => tab.segment !== '').find(
    (tab) => within(tab.segment) || ('also' in tab && within(tab.also)),
  );
  return (
    <TenantProvider value={{ tenant, refetch }}>
      <div className="tenant-frame">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link href="/">Tenants</Link>
          <span aria-hidden="true">/</span>
          <span>{tenant.name}</span>
          {tenant.status === 'disabled' && <span className="badge badge-warning">Disabled</span>}
        </nav>
        <nav className="tabs" aria-label={`${tenant.name} sections`}>
          <ul>
            {TENANT_TABS.map((tab) => {
              const href = tab.segment ? `${base}/${tab.segment}` : base;
              const active = tab.segment ? current?.segment === tab.segment : current === undefined;
              return (
                <li key={tab.segment}>
                  <Link href={href} aria-current={active ? 'page' : undefined}>
                    {tab.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="tenant-content">{props.children}</div>
      </div>
    </TenantProvider>
  );
}
