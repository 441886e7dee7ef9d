/** What the API shows of an operator: who it is and its roles (tenants named by slug too). */
import type { Role } from '../principal';

export interface MembershipView {
  id: string;
  role: Role;
  /** Null for the platform-wide role. */
  tenantId: string | null;
  tenantSlug: string | null;
  createdAt: Date;
}

export interface OperatorView {
  id: string;
  /** The `sub` the admin tenant issues for the operator's user. */
  subject: string;
  email: string;
  name: string | null;
  platformOperator: boolean;
  memberships: MembershipView[];
  createdAt: Date;
}

export const OPERATOR_VIEW_SELECT = {
  id: true,
  subject: true,
  email: true,
  name: true,
  createdAt: true,
  memberships: {
    select: {
      id: true,
      role: true,
      tenantId: true,
      createdAt: true,
      tenant: { select: { slug: true } },
    },
    orderBy: { createdAt: 'asc' },
  },
} as const;

type OperatorRow = {
  id: string;
  subject: string;
  email: string;
  name: string | null;
  createdAt: Date;
  memberships: {
    id: string;
    role: string;
    tenantId: string | null;
    createdAt: Date;
    tenant: { slug: string } | null;
  }[];
};

export function operatorView(row: OperatorRow): OperatorView {
  const memberships = row.memberships.map((m) => ({
    id: m.id,
    role: m.role as Role,
    tenantId: m.tenantId,
    tenantSlug: m.tenant?.slug ?? null,
    createdAt: m.createdAt,
  }));
  return {
    id: row.id,
    subject: row.subject,
    email: row.email,
    name: row.name,
    platformOperator: memberships.some((m) => m.role === 'platform_operator'),
    memberships,
    createdAt: row.createdAt,
  };
}
