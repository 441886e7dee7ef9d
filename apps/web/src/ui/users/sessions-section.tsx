'use client';
/**
 * The user's live sessions at the OP. Revoking removes a session from the list at once and puts
 * it back if the API refuses; "Revoke all" does the same for the whole list.
 */
import { useEffect, useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { formatDateTime } from '../components/format';
import { EmptyState, ErrorNotice, Skeleton } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { useQuery } from '../graphql/hooks';
import { request } from '../graphql/request';
import { useTenant } from '../shell/tenant-context';
import {
  USER_REVOKE_SESSION,
  USER_REVOKE_SESSIONS,
  USER_SESSIONS,
  type UserDetail,
  type UserSessionRow,
} from './operations';
import styles from './users.module.css';

export function SessionsSection(props: { user: UserDetail; version: number }) {
  const { tenant } = useTenant();
  const toast = useToast();
  const ids = { tenantId: tenant.id, userId: props.user.id };
  const { data, error, loading, refetch, setData } = useQuery(USER_SESSIONS, ids);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [confirmAll, setConfirmAll] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the signal to reload.
  useEffect(() => {
    if (props.version > 0) void refetch();
  }, [props.version]);

  /** Shows `remaining` now, runs `work`, and restores what was there if it fails. */
  const optimistically = async (
    remaining: (rows: UserSessionRow[]) => UserSessionRow[],
    work: () => Promise<unknown>,
    done: string,
  ) => {
    const before = data;
    setActionError(undefined);
    setData((current) => current && { userSessions: remaining(current.userSessions) });
    try {
      await work();
      toast.success(done);
    } catch (caught) {
      setData(() => before);
      setActionError(caught);
    }
  };

  const revoke = (session: UserSessionRow) =>
    optimistically(
      (rows) => rows.filter((row) => row.id !== session.id),
      () => request(USER_REVOKE_SESSION, { ...ids, sessionId: session.id }),
      'Session revoked',
    );

  const revokeAll = () => {
    setConfirmAll(false);
    return optimistically(
      () => [],
      () => request(USER_REVOKE_SESSIONS, ids),
      'All sessions revoked',
    );
  };

  const sessions = data?.userSessions;
  return (
    <Section
      title="Sessions"
      description="Browsers signed in to this tenant as this user. Revoking one ends it and revokes the tokens issued in it."
      actions={
        sessions && sessions.length > 0 ? (
          <Button variant="danger" className="button-small" onClick={() => setConfirmAll(true)}>
            Revoke all
          </Button>
        ) : undefined
      }
    >
      <ErrorNotice error={actionError ?? error} retry={error ? () => void refetch() : undefined} />
      {!sessions && loading && <Skeleton rows={3} label="Loading sessions…" />}
      {sessions && sessions.length === 0 && (
        <EmptyState title="No active sessions">The user is not signed in anywhere.</EmptyState>
      )}
      {sessions && sessions.length > 0 && (
        <div className="table-wrap" aria-busy={loading || undefined}>
          <table className="table" aria-label="Sessions">
            <thead>
              <tr>
                <th scope="col">Signed in</th>
                <th scope="col">Authenticated</th>
                <th scope="col">Expires</th>
                <th scope="col">Method</th>
                <th scope="col">Clients</th>
                <th scope="col" className={styles.actionsHeader}>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id} data-session-id={session.id}>
                  <td>{formatDateTime(session.createdAt)}</td>
                  <td>{formatDateTime(session.authTime)}</td>
                  <td>{formatDateTime(session.expiresAt)}</td>
                  <td>
                    {session.amr.join(', ') || <span className={styles.muted}>—</span>}
                    {session.acr && <div className={styles.muted}>acr {session.acr}</div>}
                  </td>
                  <td className={styles.wrap}>
                    {session.clientIds.length > 0 ? (
                      session.clientIds.map((clientId) => (
                        <div key={clientId}>
                          <code>{clientId}</code>
                        </div>
                      ))
                    ) : (
                      <span className={styles.muted}>none yet</span>
                    )}
                  </td>
                  <td>
                    <Button
                      variant="secondary"
                      className="button-small"
                      onClick={() => void revoke(session)}
                      aria-label={`Revoke session started ${formatDateTime(session.createdAt)}`}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={confirmAll}
        title="Revoke all sessions?"
        confirmLabel="Revoke all"
        danger
        onConfirm={() => void revokeAll()}
        onCancel={() => setConfirmAll(false)}
      >
        <p>
          {props.user.loginName} is signed out everywhere and the tokens issued in these sessions
          stop working. They can sign in again.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
