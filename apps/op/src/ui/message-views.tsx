/** The pages without a form: signed out, and the friendly error page. */
import type { Translate } from '../i18n';

export function LoggedOutView(props: { tenantName: string; t: Translate }) {
  const { t } = props;
  return (
    <>
      <h1>{t('loggedOut.heading')}</h1>
      <p>{t('loggedOut.body', { tenant: props.tenantName })}</p>
    </>
  );
}

/** Error codes with their own message; any other code gets the generic one. */
export const ERROR_CODES = [
  'interaction_expired',
  'request_forbidden',
  'bad_request',
  'access_denied',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

function isErrorCode(code: string | undefined): code is ErrorCode {
  return (ERROR_CODES as readonly (string | undefined)[]).includes(code);
}

/** A code from the URL is shown only when it is a plain token (it is user-controlled text). */
const SHOWABLE_CODE = /^[a-z0-9_.-]{1,64}$/;

export function ErrorView(props: { code: string | undefined; t: Translate }) {
  const { code, t } = props;
  const message = isErrorCode(code) ? t(`error.${code}`) : t('error.other');
  return (
    <>
      <h1>{t('error.heading')}</h1>
      <p role="alert" className="alert">
        {message}
      </p>
      {code && SHOWABLE_CODE.test(code) && <p className="muted">{t('error.code', { code })}</p>}
    </>
  );
}
