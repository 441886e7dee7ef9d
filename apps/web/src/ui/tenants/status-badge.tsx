import type { TenantStatus } from './operations';

export function StatusBadge(props: { status: TenantStatus }) {
  return props.status === 'active' ? (
    <span className="badge badge-success">Active</span>
  ) : (
    <span className="badge badge-warning">Disabled</span>
  );
}
