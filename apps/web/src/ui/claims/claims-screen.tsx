'use client';
/** Claims & scopes of a tenant: custom claims, custom scopes, and the standard scopes. */
import { ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { ClaimDefinitions } from './claim-definitions';
import styles from './claims.module.css';
import { CLAIMS_DEFINITIONS } from './operations';
import { ScopeDefinitions } from './scope-definitions';
import { StandardScopes } from './standard-scopes';

export function ClaimsScreen() {
  const { tenant } = useTenant();
  const { data, error, loading, refetch } = useQuery(CLAIMS_DEFINITIONS, { tenantId: tenant.id });
  return (
    <>
      <PageHeader
        title="Claims & scopes"
        description="Custom claims users can hold, and the scopes that release claims to applications."
      />
      <ErrorNotice error={error} retry={() => void refetch()} />
      {!data && loading && <Skeleton rows={8} label="Loading claims and scopes…" />}
      {data && (
        <div className={styles.stack}>
          <ClaimDefinitions
            claims={data.claimDefinitions}
            scopes={data.scopeDefinitions}
            onChanged={refetch}
          />
          <ScopeDefinitions
            scopes={data.scopeDefinitions}
            claims={data.claimDefinitions}
            onChanged={refetch}
          />
          <StandardScopes />
        </div>
      )}
    </>
  );
}
