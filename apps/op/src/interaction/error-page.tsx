/**
 * The friendly error page the fast lane answers form posts with (expired interaction, CSRF or
 * Origin failure, malformed form): the same components and stylesheet as the Next pages,
 * rendered to static HTML, with no script at all.
 */
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { translator } from '../i18n';
import { ErrorView } from '../ui/message-views';
import { PageShell } from '../ui/page-shell';
import type { PageView } from '../ui/page-view';

/** No script may run; styles are inline; logos come from https or data URLs. */
const ERROR_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'none'; base-uri 'none'";

let stylesheet: string | undefined;
function pageStylesheet(): string {
  stylesheet ??= readFileSync(new URL('../../app/globals.css', import.meta.url), 'utf8');
  return stylesheet;
}

/**
 * @example return errorPageResponse(view, 400, 'interaction_expired');
 */
export function errorPageResponse(
  view: Pick<PageView, 'theme' | 'locale'>,
  status: number,
  code: string,
): Response {
  const t = translator(view.locale);
  const html = renderToStaticMarkup(
    <html lang={view.locale}>
      {/* biome-ignore lint/style/noHeadElement: a whole document rendered outside Next. */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('error.title', { tenant: view.theme.displayName })}</title>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own stylesheet file, not user input. */}
        <style dangerouslySetInnerHTML={{ __html: pageStylesheet() }} />
      </head>
      <body>
        <PageShell theme={view.theme} t={t}>
          <ErrorView code={code} t={t} />
        </PageShell>
      </body>
    </html>,
  );
  return new Response(`<!doctype html>${html}`, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': ERROR_PAGE_CSP,
    },
  });
}
