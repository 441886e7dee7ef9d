/**
 * The consent form (page contract: `csrf`, `action=consent`, buttons `decision=allow|deny`):
 * who asks, what each scope allows, and which claims the client will receive.
 */
import { isMessageKey, type Translate } from '../i18n';
import type { InteractionView } from './page-view';

export function ConsentView(props: {
  interaction: InteractionView;
  tenantName: string;
  t: Translate;
}) {
  const { interaction, tenantName, t } = props;
  const client = interaction.client;
  const clientName = client?.name ?? t('common.unknownClient');
  const links = [
    { href: client?.clientUri, label: t('consent.clientSite') },
    { href: client?.policyUri, label: t('consent.policy') },
    { href: client?.tosUri, label: t('consent.tos') },
  ].filter((link): link is { href: string; label: string } => !!link.href);
  return (
    <>
      {client?.logoUri && (
        // biome-ignore lint/performance/noImgElement: next/image would fetch tenant and client images server-side; the browser loads them under the page's CSP.
        <img
          className="client-logo"
          src={client.logoUri}
          alt={t('common.clientLogoAlt', { client: clientName })}
        />
      )}
      <h1>{t('consent.heading', { client: clientName, tenant: tenantName })}</h1>
      {interaction.scopes.length > 0 && (
        <section>
          <h2>{t('consent.scopesIntro', { client: clientName })}</h2>
          <ul className="list">
            {interaction.scopes.map((scope) => (
              <li key={scope}>{scopeDescription(scope, t)}</li>
            ))}
          </ul>
        </section>
      )}
      {interaction.claims.length > 0 && (
        <section>
          <h2>{t('consent.claimsIntro')}</h2>
          <ul className="list">
            {interaction.claims.map((claim) => (
              <li key={claim}>{claimLabel(claim, t)}</li>
            ))}
          </ul>
        </section>
      )}
      {links.length > 0 && (
        <nav aria-label={t('consent.clientLinks', { client: clientName })} className="links">
          {links.map((link) => (
            <a key={link.label} href={link.href} rel="noopener noreferrer" target="_blank">
              {link.label}
            </a>
          ))}
        </nav>
      )}
      <form method="post" action={interaction.formAction} className="form actions">
        <input type="hidden" name="csrf" value={interaction.csrf} />
        <input type="hidden" name="action" value="consent" />
        <button type="submit" name="decision" value="allow" className="button primary">
          {t('consent.allow')}
        </button>
        <button type="submit" name="decision" value="deny" className="button secondary">
          {t('consent.deny')}
        </button>
      </form>
    </>
  );
}

function scopeDescription(scope: string, t: Translate): string {
  const key = `scope.${scope}`;
  return isMessageKey(key) && key !== 'scope.other' ? t(key) : t('scope.other', { scope });
}

function claimLabel(claim: string, t: Translate): string {
  const key = `claim.${claim}`;
  return isMessageKey(key) ? t(key) : claim;
}
