'use client';
/** Setting a new password for the user (typed or generated); the old one stops working. */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { USER_SET_PASSWORD, type UserDetail } from './operations';
import { PasswordField } from './password-field';

export function PasswordSection(props: { user: UserDetail; onSaved: (user: UserDetail) => void }) {
  const { tenant } = useTenant();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [setUserPassword, { pending, error }] = useMutation(USER_SET_PASSWORD);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await setUserPassword({ tenantId: tenant.id, userId: props.user.id, password });
    if (!saved) return;
    toast.success('Password set');
    props.onSaved(saved.setUserPassword);
  };

  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Section
      title={props.user.hasPassword ? 'Reset password' : 'Set password'}
      description="The user signs in with the new password from now on; the old one stops working."
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={apiError?.fieldError('password') ? undefined : error} />
        <PasswordField
          label="New password"
          value={password}
          onChange={setPassword}
          error={apiError?.fieldError('password')}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending} disabled={password === ''}>
            Set password
          </Button>
        </div>
      </form>
    </Section>
  );
}
