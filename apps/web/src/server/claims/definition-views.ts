/** What the API shows of claim and scope definitions. */
import type { ClaimType } from './definition-rules';

export interface ClaimDefinitionView {
  tenantId: string;
  name: string;
  description: string | null;
  type: ClaimType;
}

export interface ScopeDefinitionView {
  tenantId: string;
  name: string;
  description: string | null;
  /** The claims the scope releases, in the order given. */
  claims: string[];
}

export const claimDefinitionView = (row: {
  tenantId: string;
  name: string;
  description: string | null;
  type: string;
}): ClaimDefinitionView => ({ ...row, type: row.type as ClaimType });

export const scopeDefinitionView = (row: {
  tenantId: string;
  name: string;
  description: string | null;
  claims: unknown;
}): ScopeDefinitionView => ({
  ...row,
  claims: Array.isArray(row.claims) ? row.claims.filter((c) => typeof c === 'string') : [],
});
