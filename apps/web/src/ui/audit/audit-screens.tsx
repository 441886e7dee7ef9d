'use client';
import { Suspense } from 'react';
import { Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { useTenant } from '../shell/tenant-context';
import { AuditLog } from './audit-log';

/** `/audit`: every event the caller may see. */
export function AuditScreen() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what, when and from where; newest first."
      />
      <Suspense fallback={<Skeleton rows={6} />}>
        <AuditLog />
      </Suspense>
    </>
  );
}

/** `/tenants/[slug]/audit`: the tenant's events only. */
export function TenantAuditScreen() {
  const { tenant } = useTenant();
  return (
    <>
      <PageHeader title="Audit log" description={`Changes to ${tenant.name}; newest first.`} />
      <Suspense fallback={<Skeleton rows={6} />}>
        <AuditLog tenantId={tenant.id} />
      </Suspense>
    </>
  );
}
