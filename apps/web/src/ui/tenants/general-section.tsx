'use client';
/** The tenant's name (renamable) beside what never changes: its slug and issuer. */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { CopyableValue } from '../components/copy-button';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { TENANTS_RENAME } from './operations';
import styles from './settings.module.css';

export function GeneralSection() {
  const { tenant, refetch } = useTenant();
  const toast = useToast();
  const [name, setName] = useState(tenant.name);
  const [rename, { pending, error }] = useMutation(TENANTS_RENAME);
  const nameError = error instanceof ApiError ? error.fieldError('name') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename({ tenantId: tenant.id, name });
    if (!result) return;
    toast.success('Tenant renamed');
    // The breadcrumbs and every tab show the name from the tenant frame.
    await refetch();
  };
  return (
    <Section title="General">
      <dl className={`definition-list ${styles.readOnly}`}>
        <dt>Slug</dt>
        <dd>
          <code>{tenant.slug}</code>
        </dd>
        <dt>Issuer</dt>
        <dd>
          <CopyableValue value={tenant.issuer} label="Issuer" />
        </dd>
      </dl>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          error={nameError}
        />
        {!nameError && <ErrorNotice error={error} listFieldErrors />}
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Rename
          </Button>
        </div>
      </form>
    </Section>
  );
}
