/** GET {issuer}/error?code=...: the friendly error page (server.ts sets status 400). */
import { notFound } from 'next/navigation';
import { translator } from '../../../src/i18n';
import { loadPage } from '../../../src/ui/load-page';
import { ErrorView } from '../../../src/ui/message-views';
import { PageShell } from '../../../src/ui/page-shell';

export const dynamic = 'force-dynamic';

export default async function ErrorPage(props: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = await loadPage((await props.params).tenant);
  if (!view) notFound();
  const code = (await props.searchParams).code;
  const t = translator(view.locale);
  return (
    <PageShell theme={view.theme} t={t}>
      <title>{t('error.title', { tenant: view.theme.displayName })}</title>
      <ErrorView code={typeof code === 'string' ? code : undefined} t={t} />
    </PageShell>
  );
}
