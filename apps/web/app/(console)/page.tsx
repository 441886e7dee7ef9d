import { TenantsList } from '../../src/ui/tenants/tenants-list';

export default function TenantsPage() {
  return <TenantsList />;
}
