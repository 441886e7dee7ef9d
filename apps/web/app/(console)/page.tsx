import { PageHeader } from '../../src/ui/components/page-header';

export default function TenantsPage() {
  return <PageHeader title="Tenants" />;
}
