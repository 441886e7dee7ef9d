'use client';
/**
 * The tenant's own scopes and the claims each releases, chosen from the standard claims and the
 * tenant's custom ones; add, edit, delete.
 */
import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CheckboxField, TextField } from '../components/field';
import { EmptyState, ErrorNotice } from '../components/notices';
import { Section } from '../components/page-header';
import { useToast } from '../components/toast';
import { ApiError } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import styles from './claims.module.css';
import {
  CLAIMS_DELETE_SCOPE,
  CLAIMS_UPSERT_SCOPE,
  type ClaimDefinitionRow,
  type ScopeDefinitionRow,
} from './operations';
import { RowActions } from './row-actions';
import { STANDARD_CLAIM_NAMES } from './standard';

export function ScopeDefinitions(props: {
  scopes: ScopeDefinitionRow[];
  claims: ClaimDefinitionRow[];
  onChanged: () => Promise<void>;
}) {
  const { tenant } = useTenant();
  const toast = useToast();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [released, setReleased] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<ScopeDefinitionRow | undefined>(undefined);
  const [upsert, upserting] = useMutation(CLAIMS_UPSERT_SCOPE);
  const [remove, removing] = useMutation(CLAIMS_DELETE_SCOPE);

  const customNames = props.claims.map((claim) => claim.name);
  // A scope may still list a claim that is no longer offered; keep it choosable.
  const choices = [...new Set([...customNames, ...STANDARD_CLAIM_NAMES, ...released])];

  const startEdit = (scope: ScopeDefinitionRow | undefined) => {
    upserting.reset();
    setEditing(scope?.name);
    setName(scope?.name ?? '');
    setDescription(scope?.description ?? '');
    setReleased(scope?.claims ?? []);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await upsert({
      tenantId: tenant.id,
      name,
      description: description || null,
      claims: released,
    });
    if (!saved) return;
    toast.success(editing ? `Scope ${name} saved` : `Scope ${name} defined`);
    startEdit(undefined);
    await props.onChanged();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const removed = await remove({ tenantId: tenant.id, name: deleting.name });
    if (!removed) return;
    toast.success(`Scope ${deleting.name} deleted`);
    setDeleting(undefined);
    if (editing === deleting.name) startEdit(undefined);
    await props.onChanged();
  };

  const apiError = upserting.error instanceof ApiError ? upserting.error : undefined;
  const claimErrors = (apiError?.fieldErrors ?? []).filter((error) =>
    error.path.startsWith('claims'),
  );
  return (
    <Section
      title="Custom scopes"
      description="Scopes applications can ask for, and the claims each releases at userinfo and in ID tokens."
    >
      {props.scopes.length === 0 ? (
        <EmptyState title="No custom scopes">Define one below to release custom claims.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Custom scopes">
            <thead>
              <tr>
                <th scope="col">Scope</th>
                <th scope="col">Claims</th>
                <th scope="col">Description</th>
                <th scope="col" className={styles.actionsHeader}>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.scopes.map((scope) => (
                <tr key={scope.name}>
                  <td>
                    <code>{scope.name}</code>
                  </td>
                  <td>
                    <div className={styles.chips}>
                      {scope.claims.length > 0 ? (
                        scope.claims.map((claim) => <code key={claim}>{claim}</code>)
                      ) : (
                        <span className={styles.muted}>none</span>
                      )}
                    </div>
                  </td>
                  <td>{scope.description ?? <span className={styles.muted}>—</span>}</td>
                  <td>
                    <RowActions
                      label={`scope ${scope.name}`}
                      onEdit={() => startEdit(scope)}
                      onDelete={() => {
                        removing.reset();
                        setDeleting(scope);
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
        aria-label={editing ? `Edit scope ${editing}` : 'Define a scope'}
      >
        <h3>{editing ? `Edit scope ${editing}` : 'Define a scope'}</h3>
        <ErrorNotice
          error={apiError && apiError.fieldErrors.length > 0 ? undefined : upserting.error}
        />
        <div className="form-row">
          <TextField
            label="Scope name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={apiError?.fieldError('name')}
            readOnly={editing !== undefined}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            label="Scope description"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={apiError?.fieldError('description')}
          />
        </div>
        <fieldset>
          <legend>Released claims</legend>
          <div className={styles.claimChoices}>
            {choices.map((claim) => (
              <CheckboxField
                key={claim}
                label={
                  <>
                    <code>{claim}</code>
                    {customNames.includes(claim) && <span className={styles.muted}> (custom)</span>}
                  </>
                }
                checked={released.includes(claim)}
                onChange={(event) => {
                  const checked = event.target.checked;
                  setReleased((current) =>
                    checked ? [...current, claim] : current.filter((item) => item !== claim),
                  );
                }}
              />
            ))}
          </div>
          {claimErrors.map((error) => (
            <p key={error.path} className="field-error">
              {error.message}
            </p>
          ))}
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={upserting.pending}>
            {editing ? 'Save scope' : 'Define scope'}
          </Button>
          {editing && <Button onClick={() => startEdit(undefined)}>Cancel editing</Button>}
        </div>
      </form>
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete scope ${deleting?.name ?? ''}?`}
        confirmLabel="Delete scope"
        danger
        pending={removing.pending}
        error={<ErrorNotice error={removing.error} />}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p>Applications asking for it no longer receive the claims it releases.</p>
      </ConfirmDialog>
    </Section>
  );
}
