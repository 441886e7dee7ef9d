import { UserScreen } from '../../../../../../src/ui/users/user-screen';

export default async function UserPage(props: {
  params: Promise<{ slug: string; userId: string }>;
}) {
  const { userId } = await props.params;
  return <UserScreen userId={userId} />;
}
