import { UsersList } from '../../../../../src/ui/users/users-list';

export default function UsersPage() {
  return <UsersList />;
}
