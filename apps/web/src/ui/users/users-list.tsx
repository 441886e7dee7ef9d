'use client';
/** The tenant's users: search, one page at a time, each linking to the user's page. */
import Link from 'next/link';
import { useState } from 'react';
import { formatDateTime } from '../components/format';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { PagerControls, usePager } from '../components/pager';
import { SearchBox } from '../components/search-box';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { USERS_LIST, type UserRow } from './operations';
import styles from './users.module.css';

const PAGE_SIZE = 25;

export function UsersList() {
  const { tenant } = useTenant();
  const [search, setSearch] = useState('');
  const pager = usePager(search);
  const { data, error, loading, refetch } = useQuery(USERS_LIST, {
    tenantId: tenant.id,
    first: PAGE_SIZE,
    ...(search && { search }),
    ...(pager.after && { after: pager.after }),
  });
  const newUserHref = tenantPath(tenant.slug, 'new-user');
  const createLink = (
    <Link className="button button-primary" href={newUserHref}>
      Create user
    </Link>
  );
  const users = data?.users;
  return (
    <>
      <PageHeader
        title="Users"
        description="People who sign in to this tenant's applications."
        actions={createLink}
      />
      <div className="toolbar">
        <SearchBox
          label="Search users"
          placeholder="Login name, email or name"
          onSearch={setSearch}
        />
      </div>
      <ErrorNotice error={error} retry={() => void refetch()} />
      {!users && loading && <Skeleton rows={6} label="Loading users…" />}
      {users && users.nodes.length === 0 && !search && (
        <EmptyState title="No users yet" action={createLink}>
          Create a user to let someone sign in to this tenant.
        </EmptyState>
      )}
      {users && users.nodes.length === 0 && search && (
        <EmptyState title="No users match">
          No login name, email or name contains “{search}”.
        </EmptyState>
      )}
      {users && users.nodes.length > 0 && (
        <div aria-busy={loading || undefined}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Login name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Password</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {users.nodes.map((user) => (
                  <UserTableRow
                    key={user.id}
                    user={user}
                    href={tenantPath(tenant.slug, 'users', user.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <PagerControls
            pager={pager}
            pageInfo={users.pageInfo}
            totalCount={users.totalCount}
            noun="users"
          />
        </div>
      )}
    </>
  );
}

function UserTableRow(props: { user: UserRow; href: string }) {
  const { user } = props;
  const name = typeof user.claims.name === 'string' ? user.claims.name : '';
  return (
    <tr>
      <td className={styles.wrap}>
        <Link href={props.href}>{user.loginName}</Link>
      </td>
      <td className={styles.wrap}>{user.email ?? <span className={styles.muted}>—</span>}</td>
      <td className={styles.wrap}>{name || <span className={styles.muted}>—</span>}</td>
      <td>
        {user.disabled ? (
          <span className="badge badge-warning">Disabled</span>
        ) : (
          <span className="badge badge-success">Active</span>
        )}
      </td>
      <td>{user.hasPassword ? 'Yes' : 'No'}</td>
      <td>{formatDateTime(user.createdAt)}</td>
    </tr>
  );
}
