/** The clients area's GraphQL documents: list, create, read, change, rotate the secret, delete. */
import { gql } from '../graphql/document';

/** RFC 7591 / OIDC Registration metadata as the API stores it (defaults applied). */
export type ClientMetadata = Record<string, unknown>;

export interface ClientRow {
  clientId: string;
  clientName: string | null;
  applicationType: string;
  tokenEndpointAuthMethod: string;
  grantTypes: string[];
  redirectUris: string[];
  issuedAt: string;
}

export interface ClientDetail extends ClientRow {
  tenantId: string;
  hasSecret: boolean;
  postLogoutRedirectUris: string[];
  responseTypes: string[];
  scope: string | null;
  idTokenSignedResponseAlg: string;
  subjectType: string | null;
  metadata: ClientMetadata;
  updatedAt: string;
}

const ROW_FIELDS =
  'clientId clientName applicationType tokenEndpointAuthMethod grantTypes redirectUris issuedAt';
const DETAIL_FIELDS = `${ROW_FIELDS} tenantId hasSecret postLogoutRedirectUris responseTypes scope idTokenSignedResponseAlg subjectType metadata updatedAt`;

export const CLIENTS_LIST = gql<
  {
    clients: {
      nodes: ClientRow[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number | null;
    };
  },
  { tenantId: string; search?: string; first: number; after?: string }
>(`
  query ClientsList($tenantId: ID!, $search: String, $first: Int, $after: String) {
    clients(tenantId: $tenantId, search: $search, first: $first, after: $after) {
      nodes { ${ROW_FIELDS} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

export const CLIENT_DETAIL = gql<{ client: ClientDetail }, { tenantId: string; clientId: string }>(`
  query ClientsDetail($tenantId: ID!, $clientId: String!) {
    client(tenantId: $tenantId, clientId: $clientId) { ${DETAIL_FIELDS} }
  }
`);

export const CLIENT_CREATE = gql<
  { createClient: { client: ClientDetail; clientSecret: string | null } },
  { tenantId: string; metadata: ClientMetadata; clientId?: string }
>(`
  mutation ClientsCreate($tenantId: ID!, $metadata: JSON!, $clientId: String) {
    createClient(tenantId: $tenantId, metadata: $metadata, clientId: $clientId) {
      client { ${DETAIL_FIELDS} }
      clientSecret
    }
  }
`);

export const CLIENT_UPDATE = gql<
  { updateClient: { client: ClientDetail; clientSecret: string | null } },
  { tenantId: string; clientId: string; metadata: ClientMetadata }
>(`
  mutation ClientsUpdate($tenantId: ID!, $clientId: String!, $metadata: JSON!) {
    updateClient(tenantId: $tenantId, clientId: $clientId, metadata: $metadata) {
      client { ${DETAIL_FIELDS} }
      clientSecret
    }
  }
`);

export const CLIENT_ROTATE_SECRET = gql<
  { rotateClientSecret: { client: ClientDetail; clientSecret: string } },
  { tenantId: string; clientId: string }
>(`
  mutation ClientsRotateSecret($tenantId: ID!, $clientId: String!) {
    rotateClientSecret(tenantId: $tenantId, clientId: $clientId) {
      client { ${DETAIL_FIELDS} }
      clientSecret
    }
  }
`);

export const CLIENT_DELETE = gql<
  { deleteClient: { clientId: string } },
  { tenantId: string; clientId: string }
>(`
  mutation ClientsDelete($tenantId: ID!, $clientId: String!) {
    deleteClient(tenantId: $tenantId, clientId: $clientId) { clientId }
  }
`);
