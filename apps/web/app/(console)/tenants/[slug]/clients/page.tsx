import { ClientsList } from '../../../../../src/ui/clients/clients-list';

export default function ClientsPage() {
  return <ClientsList />;
}
