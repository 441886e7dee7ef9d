import { ClientScreen } from '../../../../../../src/ui/clients/client-screen';

export default async function ClientPage(props: {
  params: Promise<{ slug: string; clientId: string }>;
}) {
  const { clientId } = await props.params;
  // Next hands dynamic segments over still percent-encoded when they hold reserved characters.
  return <ClientScreen clientId={safeDecode(clientId)} />;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
