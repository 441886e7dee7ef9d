'use client';
/**
 * The tenant's custom claims: a table with edit and delete, and a form that adds one or changes
 * the type and description of the one being edited. The API refuses deleting a claim a scope
 * still releases; the dialog shows its message.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { SelectField, TextField } from '../components/field';
import { EmptyState, ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import styles from './claims.module.css';
import {
  CLAIMS_DELETE_CLAIM,
  CLAIMS_UPSERT_CLAIM,
  type ClaimDefinitionRow,
  type ClaimType,
  type ScopeDefinitionRow,
} from './operations';
import { RowActions } from './row-actions';

const TYPE_OPTIONS: { value: ClaimType; label: string }[] = [
  { value: 'string', label: 'String' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Boolean' },
  { value: 'object', label: 'Object' },
  { value: 'array', label: 'Array' },
];

export function ClaimDefinitions(props: {
  claims: ClaimDefinitionRow[];
  scopes: ScopeDefinitionRow[];
  onChanged: () => Promise<void>;
}) {
  const { tenant } = useTenant();
  const toast = useToast();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [name, setName] = useState('');
  const [type, setType] = useState<ClaimType>('string');
  const [description, setDescription] = useState('');
  const [deleting, setDeleting] = useState<ClaimDefinitionRow | undefined>(undefined);
  const [upsert, upserting] = useMutation(CLAIMS_UPSERT_CLAIM);
  const [remove, removing] = useMutation(CLAIMS_DELETE_CLAIM);

  const startEdit = (claim: ClaimDefinitionRow | undefined) => {
    upserting.reset();
    setEditing(claim?.name);
    setName(claim?.name ?? '');
    setType(claim?.type ?? 'string');
    setDescription(claim?.description ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await upsert({
      tenantId: tenant.id,
      name,
      type,
      description: description || null,
    });
    if (!saved) return;
    toast.success(editing ? `Claim ${name} saved` : `Claim ${name} defined`);
    startEdit(undefined);
    await props.onChanged();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const removed = await remove({ tenantId: tenant.id, name: deleting.name });
    if (!removed) return;
    toast.success(`Claim ${deleting.name} deleted`);
    setDeleting(undefined);
    if (editing === deleting.name) startEdit(undefined);
    await props.onChanged();
  };

  const apiError = upserting.error instanceof ApiError ? upserting.error : undefined;
  const releasedBy = (claim: string) =>
    props.scopes.filter((scope) => scope.claims.includes(claim)).map((scope) => scope.name);
  return (
    <Section
      title="Custom claims"
      description="Claims beyond the OpenID Connect standard ones that users can hold. A scope releases them."
    >
      {props.claims.length === 0 ? (
        <EmptyState title="No custom claims">Define one below, e.g. department.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Custom claims">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
                <th scope="col">Released by</th>
                <th scope="col" className={styles.actionsHeader}>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.claims.map((claim) => (
                <tr key={claim.name}>
                  <td>
                    <code>{claim.name}</code>
                  </td>
                  <td>{claim.type}</td>
                  <td>{claim.description ?? <span className={styles.muted}>—</span>}</td>
                  <td>
                    {releasedBy(claim.name).join(', ') || (
                      <span className={styles.muted}>no scope</span>
                    )}
                  </td>
                  <td>
                    <RowActions
                      label={`claim ${claim.name}`}
                      onEdit={() => startEdit(claim)}
                      onDelete={() => {
                        removing.reset();
                        setDeleting(claim);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="form"
        onSubmit={submit}
        noValidate
        aria-label={editing ? `Edit claim ${editing}` : 'Define a claim'}
      >
        <h3>{editing ? `Edit claim ${editing}` : 'Define a claim'}</h3>
        <ErrorNotice
          error={apiError && apiError.fieldErrors.length > 0 ? undefined : upserting.error}
        />
        <div className="form-row">
          <TextField
            label="Claim name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={apiError?.fieldError('name')}
            readOnly={editing !== undefined}
            hint="Letters, digits, _ . : - (up to 64)."
            autoComplete="off"
            spellCheck={false}
            required
          />
          <SelectField
            label="Claim type"
            options={TYPE_OPTIONS}
            value={type}
            onChange={(event) => setType(event.target.value as ClaimType)}
            error={apiError?.fieldError('type')}
          />
        </div>
        <TextField
          label="Claim description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={apiError?.fieldError('description')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={upserting.pending}>
            {editing ? 'Save claim' : 'Define claim'}
          </Button>
          {editing && <Button onClick={() => startEdit(undefined)}>Cancel editing</Button>}
        </div>
      </form>
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete claim ${deleting?.name ?? ''}?`}
        confirmLabel="Delete claim"
        danger
        pending={removing.pending}
        error={<ErrorNotice error={removing.error} />}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          Scopes can no longer release it. Users keep the values they hold, but applications stop
          receiving them.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
