import { KeysScreen } from '../../../../../src/ui/keys/keys-screen';

export default async function TenantKeysPage() {
  return <KeysScreen />;
}
