/** The claims & scopes area's GraphQL documents. */
import { gql } from '../graphql/document';

export type ClaimType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface ClaimDefinitionRow {
  name: string;
  type: ClaimType;
  description: string | null;
}

export interface ScopeDefinitionRow {
  name: string;
  description: string | null;
  claims: string[];
}

export const CLAIMS_DEFINITIONS = gql<
  { claimDefinitions: ClaimDefinitionRow[]; scopeDefinitions: ScopeDefinitionRow[] },
  { tenantId: string }
>(`
  query ClaimsDefinitions($tenantId: ID!) {
    claimDefinitions(tenantId: $tenantId) { name type description }
    scopeDefinitions(tenantId: $tenantId) { name description claims }
  }
`);

export const CLAIMS_UPSERT_CLAIM = gql<
  { upsertClaimDefinition: ClaimDefinitionRow },
  { tenantId: string; name: string; type: ClaimType; description?: string | null }
>(`
  mutation ClaimsUpsertClaim($tenantId: ID!, $name: String!, $type: ClaimType!, $description: String) {
    upsertClaimDefinition(tenantId: $tenantId, name: $name, type: $type, description: $description) {
      name type description
    }
  }
`);

export const CLAIMS_DELETE_CLAIM = gql<
  { deleteClaimDefinition: { name: string } },
  { tenantId: string; name: string }
>(`
  mutation ClaimsDeleteClaim($tenantId: ID!, $name: String!) {
    deleteClaimDefinition(tenantId: $tenantId, name: $name) { name }
  }
`);

export const CLAIMS_UPSERT_SCOPE = gql<
  { upsertScopeDefinition: ScopeDefinitionRow },
  { tenantId: string; name: string; description?: string | null; claims: string[] }
>(`
  mutation ClaimsUpsertScope($tenantId: ID!, $name: String!, $description: String, $claims: [String!]!) {
    upsertScopeDefinition(tenantId: $tenantId, name: $name, description: $description, claims: $claims) {
      name description claims
    }
  }
`);

export const CLAIMS_DELETE_SCOPE = gql<
  { deleteScopeDefinition: { name: string } },
  { tenantId: string; name: string }
>(`
  mutation ClaimsDeleteScope($tenantId: ID!, $name: String!) {
    deleteScopeDefinition(tenantId: $tenantId, name: $name) { name }
  }
`);
