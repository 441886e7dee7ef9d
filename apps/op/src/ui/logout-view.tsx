/** The logout confirmation (page contract: `csrf`, `action=logout`, `decision=logout|cancel`). */
import type { Translate } from '../i18n';
import type { InteractionView } from './page-view';

export function LogoutView(props: {
  interaction: InteractionView;
  tenantName: string;
  t: Translate;
}) {
  const { interaction, tenantName, t } = props;
  const clientName = interaction.client?.name;
  return (
    <>
      <h1>{t('logout.heading', { tenant: tenantName })}</h1>
      <p>{t('logout.body', { tenant: tenantName })}</p>
      {clientName && <p>{t('logout.requestedBy', { client: clientName })}</p>}
      <form method="post" action={interaction.formAction} className="form actions">
        <input type="hidden" name="csrf" value={interaction.csrf} />
        <input type="hidden" name="action" value="logout" />
        <button type="submit" name="decision" value="logout" className="button primary">
          {t('logout.confirm')}
        </button>
        <button type="submit" name="decision" value="cancel" className="button secondary">
          {t('logout.cancel')}
        </button>
      </form>
    </>
  );
}
