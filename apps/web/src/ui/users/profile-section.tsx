'use client';
/** The login name and login email address of a user (updateUser changes only what is sent). */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { USER_UPDATE, type UserDetail } from './operations';

export function ProfileSection(props: { user: UserDetail; onSaved: (user: UserDetail) => void }) {
  const { tenant } = useTenant();
  const toast = useToast();
  const [loginName, setLoginName] = useState(props.user.loginName);
  const [email, setEmail] = useState(props.user.email ?? '');
  const [update, { pending, error }] = useMutation(USER_UPDATE);
  const changed = loginName !== props.user.loginName || email !== (props.user.email ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await update({
      tenantId: tenant.id,
      userId: props.user.id,
      ...(loginName !== props.user.loginName && { loginName }),
      // An emptied field removes the login address.
      ...(email !== (props.user.email ?? '') && { email: email.trim() === '' ? null : email }),
    });
    if (!saved) return;
    toast.success('Profile saved');
    props.onSaved(saved.updateUser);
  };

  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Section title="Profile" description="What the user signs in with.">
      <form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={apiError?.code === 'CONFLICT' ? undefined : error} />
        <div className="form-row">
          <TextField
            label="Login name"
            value={loginName}
            onChange={(event) => setLoginName(event.target.value)}
            error={
              apiError?.code === 'CONFLICT'
                ? 'This login name is already taken'
                : apiError?.fieldError('loginName')
            }
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            label="Login email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={apiError?.fieldError('email')}
            hint="Leave empty to remove. The email claim is set under Claims."
            autoComplete="off"
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending} disabled={!changed}>
            Save profile
          </Button>
        </div>
      </form>
    </Section>
  );
}
