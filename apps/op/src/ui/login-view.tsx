/** The login form (page contract: fields `csrf`, `action=login`, `login`, `password`). */
import type { Translate } from '../i18n';
import type { InteractionView } from './page-view';

export function LoginView(props: {
  interaction: InteractionView;
  tenantName: string;
  error: string | undefined;
  t: Translate;
}) {
  const { interaction, error, t } = props;
  const clientName = interaction.client?.name;
  return (
    <>
      <h1>{t('login.heading')}</h1>
      {clientName && <p className="lead">{t('login.toContinue', { client: clientName })}</p>}
      {error !== undefined && (
        <p className="alert" role="alert" id="login-error">
          {t(loginErrorKey(error))}
        </p>
      )}
      <form method="post" action={interaction.formAction} className="form">
        <input type="hidden" name="csrf" value={interaction.csrf} />
        <input type="hidden" name="action" value="login" />
        <div className="field">
          <label htmlFor="login">{t('login.loginLabel')}</label>
          <input
            id="login"
            name="login"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={320}
            defaultValue={interaction.loginHint}
            aria-invalid={error === 'invalid_credentials' ? true : undefined}
            aria-describedby={error !== undefined ? 'login-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.passwordLabel')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            aria-invalid={error === 'invalid_credentials' ? true : undefined}
            aria-describedby={error !== undefined ? 'login-error' : undefined}
          />
        </div>
        <button type="submit" className="button primary">
          {t('login.submit')}
        </button>
      </form>
    </>
  );
}

function loginErrorKey(error: string) {
  switch (error) {
    case 'invalid_credentials':
      return 'login.error.invalid_credentials';
    case 'throttled':
      return 'login.error.throttled';
    case 'disabled':
      return 'login.error.disabled';
    default:
      return 'login.error.other';
  }
}
