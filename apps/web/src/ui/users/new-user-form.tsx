'use client';
/**
 * Creating a user: login name, email, an optional password (typed or generated) and the usual
 * name claims. The API's field errors show under their fields; a taken login name is a CONFLICT,
 * shown on the login name field.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { tenantPath } from '../shell/tenant-frame';
import { type Claims, USER_CREATE } from './operations';
import { PasswordField } from './password-field';

const NAME_CLAIMS = [
  { claim: 'name', label: 'Full name' },
  { claim: 'given_name', label: 'Given name' },
  { claim: 'family_name', label: 'Family name' },
] as const;

export function NewUserForm() {
  const { tenant } = useTenant();
  const router = useRouter();
  const toast = useToast();
  const [loginName, setLoginName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const [create, { pending, error }] = useMutation(USER_CREATE);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const claims: Claims = {};
    for (const { claim } of NAME_CLAIMS) {
      const value = names[claim]?.trim();
      if (value) claims[claim] = value;
    }
    if (email.trim()) claims.email = email.trim().toLowerCase();
    const created = await create({
      tenantId: tenant.id,
      loginName,
      ...(email.trim() && { email: email.trim() }),
      ...(password && { password }),
      claims,
    });
    if (!created) return;
    toast.success(`User ${created.createUser.loginName} created`);
    router.push(tenantPath(tenant.slug, 'users', created.createUser.id));
  };

  const apiError = error instanceof ApiError ? error : undefined;
  const loginNameError =
    apiError?.code === 'CONFLICT'
      ? 'This login name is already taken'
      : apiError?.fieldError('loginName');
  return (
    <>
      <PageHeader
        title="New user"
        description="The person signs in with the login name or the email address."
      />
      <form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={apiError?.code === 'CONFLICT' ? undefined : error} />
        <div className="form-row">
          <TextField
            label="Login name"
            name="loginName"
            value={loginName}
            onChange={(event) => setLoginName(event.target.value)}
            error={loginNameError}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={apiError?.fieldError('email') ?? apiError?.fieldError('claims.email')}
            hint="Also stored as the email claim."
            autoComplete="off"
          />
        </div>
        <PasswordField
          label="Password"
          value={password}
          onChange={setPassword}
          error={apiError?.fieldError('password')}
          hint="Optional: without one the user cannot sign in until a password is set. At least 8 characters."
        />
        <fieldset>
          <legend>Claims</legend>
          <div className="form-row">
            {NAME_CLAIMS.map(({ claim, label }) => (
              <TextField
                key={claim}
                label={label}
                hint={<code>{claim}</code>}
                value={names[claim] ?? ''}
                onChange={(event) =>
                  setNames((current) => ({ ...current, [claim]: event.target.value }))
                }
                error={apiError?.fieldError(`claims.${claim}`)}
              />
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Create user
          </Button>
          <Link className="button button-ghost" href={tenantPath(tenant.slug, 'users')}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
