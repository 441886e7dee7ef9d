'use client';
/**
 * The inline form that creates a tenant: name and slug (suggested from the name until the
 * operator edits it), the API's own validation under each field, then the new tenant's page.
 */
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { tenantPath } from '../shell/tenant-frame';
import { TENANTS_CREATE } from './operations';
import { suggestSlug } from './slug';

export function CreateTenantPanel(props: { onCancel: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [create, { pending, error }] = useMutation(TENANTS_CREATE);
  const apiError = error instanceof ApiError ? error : undefined;
  const slugError =
    apiError?.code === 'CONFLICT'
      ? `The slug “${slug}” is taken: choose another.`
      : apiError?.fieldError('slug');
  const nameError = apiError?.fieldError('name');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ name, slug });
    if (!result) return;
    toast.success(`Tenant ${result.createTenant.slug} created`);
    router.push(tenantPath(result.createTenant.slug));
  };
  return (
    <section className="section" aria-label="Create tenant">
      <header className="section-header">
        <div>
          <h2>Create tenant</h2>
          <p className="section-description">
            The slug is part of the tenant's issuer URL and cannot be changed later.
          </p>
        </div>
      </header>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-row">
          <TextField
            label="Name"
            name="name"
            value={name}
            autoFocus
            required
            maxLength={200}
            error={nameError}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(suggestSlug(event.target.value));
            }}
          />
          <TextField
            label="Slug"
            name="slug"
            value={slug}
            required
            spellCheck={false}
            autoCapitalize="none"
            hint="Lower-case letters, digits and inner hyphens."
            error={slugError}
            onChange={(event) => {
              setSlugEdited(true);
              setSlug(event.target.value.toLowerCase());
            }}
          />
        </div>
        {apiError?.code !== 'CONFLICT' && !slugError && !nameError && (
          <ErrorNotice error={error} listFieldErrors />
        )}
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Create
          </Button>
          <Button onClick={props.onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
