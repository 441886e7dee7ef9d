/** What the logs and login limits need to know about a request, read without trusting too much. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const CLIENT_ID_PARAM = /[?&]client_id=([^&]{1,200})/;

/** The caller's X-Request-Id when it is a sane token, otherwise a fresh one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The end user's address: the socket peer, or the first X-Forwarded-For hop when the app runs
 * behind a proxy it trusts (otherwise anyone could pick the address their failures count against).
 */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The client id a request names, for the logs: `client_id` in the query, or the user name of
 * HTTP Basic client authentication. Public identifiers only; the secret is never decoded here.
 */
export function clientIdHint(req: IncomingMessage): string | undefined {
  const inQuery = CLIENT_ID_PARAM.exec(req.url ?? '');
  if (inQuery) return safeDecode(inQuery[1] as string);
  const authorization = req.headers.authorization;
  if (!authorization?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? safeDecode(decoded.slice(0, colon)) : undefined;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
