'use client';
/**
 * The Branding tab: display name, colours and logo of the tenant's login pages, with a live
 * preview beside the form. Saving sends only `branding`; "Reset to defaults" sends nulls.
 */
import { type ChangeEvent, type FormEvent, useCallback, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader, Section } from '../components/page-header';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import styles from './branding.module.css';
import { LoginPreview } from './login-preview';
import { COLOR_PATTERN, DEFAULT_BACKGROUND, DEFAULT_PRIMARY } from './login-theme';
import { type Branding, TENANTS_SETTINGS, type TenantSettings } from './operations';
import { useSettingsSave } from './use-settings-save';

/** The API's bound on an inline logo (a data: URL of at most 64 KiB). */
export const MAX_LOGO_BYTES = 64 * 1024;

export function BrandingScreen() {
  const { tenant } = useTenant();
  const { data, error, refetch, setData } = useQuery(TENANTS_SETTINGS, { id: tenant.id });
  const onSaved = useCallback(
    (settings: TenantSettings) =>
      setData((current) => current && { tenant: { ...current.tenant, settings } }),
    [setData],
  );
  const branding = data?.tenant.settings.branding;
  return (
    <>
      <PageHeader
        title="Branding"
        description="How the tenant's login and consent pages look at apps/op."
      />
      {branding === undefined ? (
        error !== undefined ? (
          <ErrorNotice error={error} retry={() => void refetch()} />
        ) : (
          <Skeleton rows={8} label="Loading branding…" />
        )
      ) : (
        <BrandingForm
          // A reset replaces every value; remounting takes them all in.
          key={JSON.stringify(branding)}
          tenantId={tenant.id}
          tenantName={tenant.name}
          branding={branding}
          onSaved={onSaved}
        />
      )}
    </>
  );
}

interface Draft {
  displayName: string;
  primaryColor: string;
  backgroundColor: string;
  logoUrl: string;
}

function BrandingForm(props: {
  tenantId: string;
  tenantName: string;
  branding: Branding;
  onSaved: (settings: TenantSettings) => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    displayName: props.branding.displayName ?? '',
    primaryColor: props.branding.primaryColor ?? '',
    backgroundColor: props.branding.backgroundColor ?? '',
    logoUrl: props.branding.logoUrl ?? '',
  });
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const { save, pending, fieldError, noticeError } = useSettingsSave(
    props.tenantId,
    props.onSaved,
    'Branding saved',
  );
  const reset = useSettingsSave(props.tenantId, props.onSaved, 'Branding reset to defaults');
  const set = (key: keyof Draft) => (event: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty field means "no value": null restores apps/op's default.
    const value = (text: string) => (text.trim() === '' ? null : text.trim());
    await save({
      branding: {
        displayName: value(draft.displayName),
        primaryColor: value(draft.primaryColor),
        backgroundColor: value(draft.backgroundColor),
        logoUrl: value(draft.logoUrl),
      },
    });
  };
  const readLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileProblem(undefined);
    if (!file.type.startsWith('image/')) {
      setFileProblem('Choose an image file (PNG, JPEG, GIF, WebP or SVG).');
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      // The limit applies to the data: URL itself (base64 makes it a third larger than the file).
      if (url.length > MAX_LOGO_BYTES) {
        setFileProblem(
          `That image is too large: ${Math.ceil(url.length / 1024)} KiB as a data: URL, and at most 64 KiB fit. Use a smaller image or an https: URL.`,
        );
        return;
      }
      setDraft((current) => ({ ...current, logoUrl: url }));
    };
    reader.onerror = () => setFileProblem('The file could not be read.');
    reader.readAsDataURL(file);
  };
  return (
    <div className={styles.layout}>
      <Section title="Look">
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label="Display name"
            value={draft.displayName}
            placeholder={props.tenantName}
            maxLength={100}
            hint="Shown instead of the tenant's name; empty: the tenant's name."
            onChange={set('displayName')}
            error={fieldError('settings.branding.displayName')}
          />
          <ColorField
            label="Primary colour"
            value={draft.primaryColor}
            fallback={DEFAULT_PRIMARY}
            onChange={(primaryColor) => setDraft({ ...draft, primaryColor })}
            error={fieldError('settings.branding.primaryColor')}
          />
          <ColorField
            label="Background colour"
            value={draft.backgroundColor}
            fallback={DEFAULT_BACKGROUND}
            onChange={(backgroundColor) => setDraft({ ...draft, backgroundColor })}
            error={fieldError('settings.branding.backgroundColor')}
          />
          <TextField
            label="Logo URL"
            value={draft.logoUrl.startsWith('data:') ? '' : draft.logoUrl}
            placeholder={draft.logoUrl.startsWith('data:') ? 'An uploaded image' : 'https://…'}
            hint="An https: URL, or pick an image file below (64 KiB at most)."
            onChange={set('logoUrl')}
            error={fieldError('settings.branding.logoUrl')}
          />
          <div className="field">
            <label htmlFor="branding-logo-file">Logo image file</label>
            <input
              id="branding-logo-file"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
              onChange={readLogo}
              aria-describedby={fileProblem ? 'branding-logo-file-error' : undefined}
            />
            {fileProblem && (
              <p className="field-error" id="branding-logo-file-error" role="alert">
                {fileProblem}
              </p>
            )}
            {draft.logoUrl && (
              <Button
                className="button-small"
                variant="ghost"
                onClick={() => setDraft({ ...draft, logoUrl: '' })}
              >
                Remove logo
              </Button>
            )}
          </div>
          <ErrorNotice error={noticeError('settings.branding')} listFieldErrors />
          <ErrorNotice error={reset.error} />
          <div className="form-actions">
            <Button type="submit" variant="primary" pending={pending}>
              Save branding
            </Button>
            <Button
              pending={reset.pending}
              onClick={() =>
                void reset.save({
                  branding: {
                    displayName: null,
                    primaryColor: null,
                    backgroundColor: null,
                    logoUrl: null,
                  },
                })
              }
            >
              Reset to defaults
            </Button>
          </div>
        </form>
      </Section>
      <LoginPreview
        displayName={draft.displayName.trim() || props.tenantName}
        primaryColor={draft.primaryColor}
        backgroundColor={draft.backgroundColor}
        logoUrl={draft.logoUrl}
      />
    </div>
  );
}

/** A colour picker and its `#rrggbb` text, kept in step; empty text means "the default". */
function ColorField(props: {
  label: string;
  value: string;
  fallback: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const valid = COLOR_PATTERN.test(props.value);
  return (
    <div className={styles.colorRow}>
      <input
        type="color"
        className={styles.swatch}
        aria-label={`${props.label} picker`}
        value={(valid ? props.value : props.fallback).toLowerCase()}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <TextField
        label={props.label}
        value={props.value}
        placeholder={`${props.fallback} (default)`}
        spellCheck={false}
        maxLength={7}
        hint="#rrggbb; empty: the default."
        onChange={(event) => props.onChange(event.target.value)}
        error={props.error}
      />
    </div>
  );
}
