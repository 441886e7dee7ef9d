import { NewClientForm } from '../../../../../src/ui/clients/new-client-form';

export default function NewClientPage() {
  return <NewClientForm />;
}
