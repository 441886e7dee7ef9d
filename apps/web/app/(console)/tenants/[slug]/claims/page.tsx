import { ClaimsScreen } from '../../../../../src/ui/claims/claims-screen';

export default function ClaimsPage() {
  return <ClaimsScreen />;
}
