import { gql } from '../graphql/document';

export interface Me {
  id: string;
  kind: 'operator' | 'api_client' | 'cli';
  name: string;
  platformOperator: boolean;
  tenantSlugs: string[];
}

export const ME = gql<{ me: Me }>(`
  query ConsoleMe {
    me { id kind name platformOperator tenantSlugs }
  }
`);

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'disabled';
  issuer: string;
  discoveryUrl: string;
  domains: string[];
  configVersion: number;
  createdAt: string;
  updatedAt: string;
}

export const TENANT_BY_SLUG = gql<{ tenant: TenantSummary }, { slug: string }>(`
  query ConsoleTenant($slug: String!) {
    tenant(slug: $slug) {
      id slug name status issuer discoveryUrl domains configVersion createdAt updatedAt
    }
  }
`);
