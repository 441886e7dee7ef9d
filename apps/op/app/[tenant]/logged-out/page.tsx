/** GET {issuer}/logged-out: where the core sends the browser after a logout without a redirect. */
import { notFound } from 'next/navigation';
import { translator } from '../../../src/i18n';
import { loadPage } from '../../../src/ui/load-page';
import { LoggedOutView } from '../../../src/ui/message-views';
import { PageShell } from '../../../src/ui/page-shell';

export const dynamic = 'force-dynamic';

export default async function LoggedOutPage(props: { params: Promise<{ tenant: string }> }) {
  const view = await loadPage((await props.params).tenant);
  if (!view) notFound();
  const t = translator(view.locale);
  const tenantName = view.theme.displayName;
  return (
    <PageShell theme={view.theme} t={t}>
      <title>{t('loggedOut.title', { tenant: tenantName })}</title>
      <LoggedOutView tenantName={tenantName} t={t} />
    </PageShell>
  );
}
