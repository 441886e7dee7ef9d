import { DomainsScreen } from '../../../../../src/ui/domains/domains-screen';

export default async function TenantDomainsPage() {
  return <DomainsScreen />;
}
