import { AuditScreen } from '../../../src/ui/audit/audit-screens';

export default function AuditPage() {
  return <AuditScreen />;
}
