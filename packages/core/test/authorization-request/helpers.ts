/**
 * Helpers for the authentication request tests: pyOP's default request adapted to the harness
 * client, and accessors for the error an invalid request produces.
 */
import { expect } from 'vitest';
import { InvalidAuthenticationRequest, OAuthError } from '../../src/errors.js';

export const REDIRECT_URI = 'https://client.example.com/cb';

/** pyOP's default authorization request, with `undefined` removing a parameter. */
export function authParams(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const params: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'code',
    client_id: 'client1',
    redirect_uri: REDIRECT_URI,
    state: 'state',
    nonce: 'nonce',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Awaits a promise that must reject with an OAuthError and returns that error. */
export async function rejectionOf(promise: Promise<unknown>): Promise<OAuthError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(OAuthError);
  return outcome as OAuthError;
}

/** The error redirect, or undefined when the error must not be redirected. */
export function errorUrlOf(error: OAuthError): string | undefined {
  return error instanceof InvalidAuthenticationRequest ? error.toErrorUrl() : undefined;
}

export interface ErrorRedirect {
  /** The redirect URI the error travels to, without query or fragment. */
  base: string;
  mode: 'query' | 'fragment';
  params: Record<string, string>;
}

/** Splits an error redirect into its destination, encoding and parameters. */
export function errorRedirectOf(error: OAuthError): ErrorRedirect {
  const url = errorUrlOf(error);
  expect(url).toBeDefined();
  const parsed = new URL(url as string);
  const mode = parsed.hash ? 'fragment' : 'query';
  const encoded = mode === 'fragment' ? parsed.hash.slice(1) : parsed.search;
  parsed.hash = '';
  parsed.search = '';
  return {
    base: parsed.toString(),
    mode,
    params: Object.fromEntries(new URLSearchParams(encoded)),
  };
}
