import { OverviewScreen } from '../../../../src/ui/overview/overview-screen';

export default async function TenantOverviewPage() {
  return <OverviewScreen />;
}
