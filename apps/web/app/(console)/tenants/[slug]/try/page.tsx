import { TryPanel } from '../../../../../src/ui/try-it/try-panel';

export default function TryPage() {
  return <TryPanel />;
}
