import { BrandingScreen } from '../../../../../src/ui/tenants/branding-screen';

export default async function TenantBrandingPage(props: { params: Promise<{ slug: string }> }) {
  await props.params;
  return <BrandingScreen />;
}
