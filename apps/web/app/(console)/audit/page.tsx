import { PageHeader } from '../../../src/ui/components/page-header';

export default function AuditPage() {
  return <PageHeader title="Audit log" />;
}
