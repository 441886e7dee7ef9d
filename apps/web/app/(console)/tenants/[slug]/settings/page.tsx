import { SettingsScreen } from '../../../../../src/ui/tenants/settings-screen';

export default async function TenantSettingsPage(props: { params: Promise<{ slug: string }> }) {
  await props.params;
  return <SettingsScreen />;
}
