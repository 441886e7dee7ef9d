'use client';
/**
 * The Settings tab: one card per group of settings, each saving only its own part of the
 * settings document, and the danger zone for platform operators.
 */
import { useCallback } from 'react';
import { ErrorNotice, Skeleton } from '../components/notices';
import { PageHeader } from '../components/page-header';
import { useQuery } from '../graphql/hooks';
import { useMe } from '../shell/me-context';
import { useTenant } from '../shell/tenant-context';
import { DangerZone } from './danger-zone';
import { FlowsSection } from './flows-section';
import { GeneralSection } from './general-section';
import { LifetimesSection } from './lifetimes-section';
import { LoginLimitsSection } from './login-limits-section';
import { TENANTS_SETTINGS, type TenantSettings } from './operations';
import { PkceSection } from './pkce-section';
import { RegistrationSection } from './registration-section';

export function SettingsScreen() {
  const { tenant } = useTenant();
  const me = useMe();
  const { data, error, refetch, setData } = useQuery(TENANTS_SETTINGS, { id: tenant.id });
  const onSaved = useCallback(
    (settings: TenantSettings) =>
      setData((current) => current && { tenant: { ...current.tenant, settings } }),
    [setData],
  );
  const settings = data?.tenant.settings;
  return (
    <>
      <PageHeader title="Settings" description="Changes reach apps/op within a second." />
      <GeneralSection />
      {settings === undefined ? (
        error !== undefined ? (
          <ErrorNotice error={error} retry={() => void refetch()} />
        ) : (
          <Skeleton rows={10} label="Loading settings…" />
        )
      ) : (
        <>
          <LifetimesSection
            tenantId={tenant.id}
            lifetimes={settings.protocol.lifetimes}
            onSaved={onSaved}
          />
          <FlowsSection tenantId={tenant.id} protocol={settings.protocol} onSaved={onSaved} />
          <PkceSection tenantId={tenant.id} pkce={settings.protocol.pkce} onSaved={onSaved} />
          <RegistrationSection
            tenantId={tenant.id}
            registration={settings.protocol.registration}
            onSaved={onSaved}
          />
          <LoginLimitsSection
            tenantId={tenant.id}
            limits={settings.loginLimits}
            onSaved={onSaved}
          />
        </>
      )}
      {me?.platformOperator && <DangerZone />}
    </>
  );
}
