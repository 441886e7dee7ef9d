/** The "try it" panel's GraphQL documents: the tenant's clients, and adding the callback URI. */
import { gql } from '../graphql/document';

export interface TryClient {
  clientId: string;
  clientName: string | null;
  applicationType: string;
  tokenEndpointAuthMethod: string;
  grantTypes: string[];
  redirectUris: string[];
  scope: string | null;
  metadata: Record<string, unknown>;
}

const FIELDS =
  'clientId clientName applicationType tokenEndpointAuthMethod grantTypes redirectUris scope metadata';

/** The panel offers the first page only; a tenant with more clients is searched by id or name. */
export const TRY_CLIENTS = gql<
  { clients: { nodes: TryClient[] } },
  { tenantId: string; search?: string; first: number }
>(`
  query TryItClients($tenantId: ID!, $search: String, $first: Int) {
    clients(tenantId: $tenantId, search: $search, first: $first) { nodes { ${FIELDS} } }
  }
`);

export const TRY_ADD_REDIRECT = gql<
  { updateClient: { client: TryClient } },
  { tenantId: string; clientId: string; metadata: Record<string, unknown> }
>(`
  mutation TryItAddRedirect($tenantId: ID!, $clientId: String!, $metadata: JSON!) {
    updateClient(tenantId: $tenantId, clientId: $clientId, metadata: $metadata) { client { ${FIELDS} } }
  }
`);
