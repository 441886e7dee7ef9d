/**
 * The frame of every tenant page: the tenant's colours as CSS custom properties (values are
 * validated `#rrggbb`, so they are safe in a style attribute), its logo and name, and a card for
 * the content.
 */

import { type Theme, themeProperties } from '@tessera/core/branding';
import type { CSSProperties, ReactNode } from 'react';
import type { Translate } from '../i18n';

export function PageShell(props: { theme: Theme; t: Translate; children: ReactNode }) {
  const { theme, t } = props;
  return (
    <div className="page" style={themeProperties(theme) as CSSProperties}>
      <header className="brand">
        {theme.logoUrl && (
          // biome-ignore lint/performance/noImgElement: next/image would fetch tenant and client images server-side; the browser loads them under the page's CSP.
          <img
            className="brand-logo"
            src={theme.logoUrl}
            alt={t('common.tenantLogoAlt', { tenant: theme.displayName })}
          />
        )}
        <span className="brand-name">{theme.displayName}</span>
      </header>
      <main className="card">{props.children}</main>
    </div>
  );
}
