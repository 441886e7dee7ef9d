'use client';
/** Disabling (or enabling) and deleting a user, each behind a confirmation that says what ends. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { USER_DELETE, USER_SET_DISABLED, type UserDetail } from './operations';
import styles from './users.module.css';

export function UserDangerZone(props: { user: UserDetail; onChanged: (user: UserDetail) => void }) {
  const { tenant } = useTenant();
  const router = useRouter();
  const toast = useToast();
  const { user } = props;
  const [dialog, setDialog] = useState<'disable' | 'delete' | undefined>(undefined);
  const [setDisabled, disabling] = useMutation(USER_SET_DISABLED);
  const [deleteUser, deleting] = useMutation(USER_DELETE);
  const ids = { tenantId: tenant.id, userId: user.id };

  const toggle = async () => {
    const changed = await setDisabled({ ...ids, disabled: !user.disabled });
    if (!changed) return;
    setDialog(undefined);
    toast.success(changed.setUserDisabled.disabled ? 'User disabled' : 'User enabled');
    props.onChanged(changed.setUserDisabled);
  };

  const remove = async () => {
    const removed = await deleteUser(ids);
    if (!removed) return;
    toast.success(`User ${user.loginName} deleted`);
    router.push(tenantPath(tenant.slug, 'users'));
  };

  return (
    <Section title="Account" description="Stop the user signing in, or remove them for good.">
      <div className={styles.rowActions}>
        {user.disabled ? (
          <Button variant="secondary" onClick={() => void toggle()} pending={disabling.pending}>
            Enable user
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setDialog('disable')}>
            Disable user
          </Button>
        )}
        <Button variant="danger" onClick={() => setDialog('delete')}>
          Delete user
        </Button>
      </div>
      {user.disabled && <ErrorNotice error={dialog ? undefined : disabling.error} />}
      <ConfirmDialog
        open={dialog === 'disable'}
        title={`Disable ${user.loginName}?`}
        confirmLabel="Disable user"
        danger
        pending={disabling.pending}
        error={<ErrorNotice error={disabling.error} />}
        onConfirm={() => void toggle()}
        onCancel={() => setDialog(undefined)}
      >
        <p>
          Their sessions end now and the tokens issued to them stop working. They cannot sign in
          until the user is enabled again.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${user.loginName}?`}
        confirmLabel="Delete user"
        confirmText={user.loginName}
        danger
        pending={deleting.pending}
        error={<ErrorNotice error={deleting.error} />}
        onConfirm={() => void remove()}
        onCancel={() => setDialog(undefined)}
      >
        <p>The user, their sessions, consents and tokens are removed. This cannot be undone.</p>
      </ConfirmDialog>
    </Section>
  );
}
