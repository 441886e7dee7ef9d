import { TryCallback } from '../../../../src/ui/try-it/try-callback';

export default function TryCallbackPage() {
  return <TryCallback />;
}
