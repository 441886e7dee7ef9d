import { gql } from '../graphql/document';

export interface AuditEvent {
  id: string;
  tenantId: string | null;
  actorType: string;
  actorId: string;
  action: string;
  objectType: string;
  objectId: string | null;
  details: unknown;
  ip: string | null;
  at: string;
}

export interface AuditEventFilter {
  tenantId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_EVENTS = gql<
  {
    auditEvents: {
      nodes: AuditEvent[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { filter: AuditEventFilter; first: number; after?: string }
>(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes { id tenantId actorType actorId action objectType objectId details ip at }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Tenant slugs by id, so rows name tenants and operators can pick one (operators see all). */
export const AUDIT_TENANTS = gql<
  { tenants: { nodes: { id: string; slug: string; name: string }[] } },
  { search?: string }
>(`
  query AuditTenants($search: String) {
    tenants(first: 100, search: $search) { nodes { id slug name } }
  }
`);
