import { NewUserForm } from '../../../../../src/ui/users/new-user-form';

export default function NewUserPage() {
  return <NewUserForm />;
}
