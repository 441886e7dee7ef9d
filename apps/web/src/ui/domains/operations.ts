import { gql } from '../graphql/document';

export const DOMAINS_ADD = gql<
  { addTenantDomain: { id: string; domains: string[] } },
  { tenantId: string; domain: string }
>(`
  mutation DomainsAdd($tenantId: ID!, $domain: String!) {
    addTenantDomain(tenantId: $tenantId, domain: $domain) { id domains }
  }
`);

export const DOMAINS_REMOVE = gql<
  { removeTenantDomain: { id: string; domains: string[] } },
  { tenantId: string; domain: string }
>(`
  mutation DomainsRemove($tenantId: ID!, $domain: String!) {
    removeTenantDomain(tenantId: $tenantId, domain: $domain) { id domains }
  }
`);
