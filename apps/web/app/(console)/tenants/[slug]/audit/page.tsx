import { TenantAuditScreen } from '../../../../../src/ui/audit/audit-screens';

export default async function TenantAuditPage() {
  return <TenantAuditScreen />;
}
