/**
 * GET {issuer}/interaction/{id}/login|consent|logout: the step the core paused the request at.
 * An interaction that is at another step redirects there; an unknown, expired or other
 * browser's interaction shows the error page (server.ts has already set status 400).
 */
import { notFound, redirect } from 'next/navigation';
import { translator } from '../../../../../src/i18n';
import { ConsentView } from '../../../../../src/ui/consent-view';
import { loadPage } from '../../../../../src/ui/load-page';
import { LoginView } from '../../../../../src/ui/login-view';
import { LogoutView } from '../../../../../src/ui/logout-view';
import { ErrorView } from '../../../../../src/ui/message-views';
import { PageShell } from '../../../../../src/ui/page-shell';
import { interactionPageUrl } from '../../../../../src/ui/page-view';

export const dynamic = 'force-dynamic';

const PROMPTS = new Set(['login', 'consent', 'logout']);

export default async function InteractionPage(props: {
  params: Promise<{ tenant: string; id: string; prompt: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant, id, prompt } = await props.params;
  if (!PROMPTS.has(prompt)) notFound();
  const view = await loadPage(tenant, id);
  if (!view) notFound();
  const t = translator(view.locale);
  const tenantName = view.theme.displayName;
  const interaction = view.interaction;
  if (interaction === undefined || interaction === 'expired') {
    return (
      <PageShell theme={view.theme} t={t}>
        <title>{t('error.title', { tenant: tenantName })}</title>
        <ErrorView code="interaction_expired" t={t} />
      </PageShell>
    );
  }
  if (interaction.prompt !== prompt)
    redirect(interactionPageUrl(view.issuer, id, interaction.prompt));
  const error = (await props.searchParams).error;
  return (
    <PageShell theme={view.theme} t={t}>
      {interaction.prompt === 'login' && (
        <>
          <title>{t('login.title', { tenant: tenantName })}</title>
          <LoginView
            interaction={interaction}
            tenantName={tenantName}
            error={typeof error === 'string' ? error : undefined}
            t={t}
          />
        </>
      )}
      {interaction.prompt === 'consent' && (
        <>
          <title>{t('consent.title', { tenant: tenantName })}</title>
          <ConsentView interaction={interaction} tenantName={tenantName} t={t} />
        </>
      )}
      {interaction.prompt === 'logout' && (
        <>
          <title>{t('logout.title', { tenant: tenantName })}</title>
          <LogoutView interaction={interaction} tenantName={tenantName} t={t} />
        </>
      )}
    </PageShell>
  );
}
