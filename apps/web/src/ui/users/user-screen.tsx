'use client';
/** One user: profile, claims, password, sessions, and disabling or deleting the account. */
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { formatDateTime } from '../components/format';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { ApiError } from '../graphql/api-error';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { ClaimsEditor } from './claims-editor';
import { USER_DETAIL, type UserDetail } from './operations';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { UserDangerZone } from './user-danger-zone';
import styles from './users.module.css';

export function UserScreen(props: { userId: string }) {
  const { tenant } = useTenant();
  const { data, error, loading, refetch, setData } = useQuery(USER_DETAIL, {
    tenantId: tenant.id,
    userId: props.userId,
  });
  // Bumped when the user's sessions end elsewhere on the page (disabling), to reload the list.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const replaceUser = useCallback((user: UserDetail) => setData(() => ({ user })), [setData]);
  const user = data?.user;
  if (!user) {
    if (loading) return <Skeleton rows={10} label="Loading user…" />;
    if (error instanceof ApiError && error.code === 'NOT_FOUND') {
      return (
        <EmptyState
          title="User not found"
          action={
            <Link className="button button-secondary" href={tenantPath(tenant.slug, 'users')}>
              Back to users
            </Link>
          }
        >
          This user does not exist in {tenant.name}. They may have been deleted.
        </EmptyState>
      );
    }
    return <ErrorNotice error={error} retry={() => void refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={user.loginName}
        description={
          <>
            {user.disabled ? (
              <span className="badge badge-warning">Disabled</span>
            ) : (
              <span className="badge badge-success">Active</span>
            )}{' '}
            <span className={styles.muted}>
              Created {formatDateTime(user.createdAt)} · updated {formatDateTime(user.updatedAt)} ·{' '}
              {user.hasPassword ? 'has a password' : 'no password set'}
            </span>
          </>
        }
        actions={
          <Link className="button button-ghost" href={tenantPath(tenant.slug, 'users')}>
            All users
          </Link>
        }
      />
      <div className={styles.sections}>
        <ProfileSection key={`profile-${user.updatedAt}`} user={user} onSaved={replaceUser} />
        <ClaimsEditor key={`claims-${user.updatedAt}`} user={user} onSaved={replaceUser} />
        <PasswordSection user={user} onSaved={replaceUser} />
        <SessionsSection user={user} version={sessionsVersion} />
        <UserDangerZone
          user={user}
          onChanged={(changed) => {
            replaceUser(changed);
            setSessionsVersion((version) => version + 1);
          }}
        />
      </div>
    </>
  );
}
