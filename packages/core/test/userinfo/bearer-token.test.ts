import { describe, expect, it } from 'vitest';
import { BearerTokenError } from '../../src/errors.js';
import { extractBearerToken } from '../../src/http/bearer-token.js';

const URL_ = 'https://op.example.com/acme/userinfo';

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

describe('Bearer token extraction RFC 6750 2 (pyOP test_access_token.py)', () => {
  it('reads the token from an Authorization Bearer header', async () => {
    expect(await extractBearerToken(post('', { authorization: 'Bearer abcdef' }))).toBe('abcdef');
  });

  it('treats the scheme case-insensitively', async () => {
    expect(await extractBearerToken(post('', { authorization: 'bEaReR abcdef' }))).toBe('abcdef');
  });

  it('rejects a non-Bearer Authorization header', async () => {
    await expect(
      extractBearerToken(post('', { authorization: 'Basic abcdef' })),
    ).rejects.toBeInstanceOf(BearerTokenError);
  });

  it('does not fall back to a body token when the header uses another scheme', async () => {
    await expect(
      extractBearerToken(post('access_token=abcdef', { authorization: 'Basic abcdef' })),
    ).rejects.toBeInstanceOf(BearerTokenError);
  });

  it('reads access_token from a form body', async () => {
    expect(await extractBearerToken(post('foo=bar&access_token=abcdef'))).toBe('abcdef');
  });

  it('reads access_token from the query of a GET', async () => {
    expect(await extractBearerToken(new Request(`${URL_}?access_token=abcdef`))).toBe('abcdef');
  });

  it('rejects a request without any token', async () => {
    await expect(extractBearerToken(post('foo=bar'))).rejects.toBeInstanceOf(BearerTokenError);
  });

  it('prefers the header when both header and body carry a token', async () => {
    expect(
      await extractBearerToken(
        post('access_token=fromBody', { authorization: 'Bearer fromHeader' }),
      ),
    ).toBe('fromHeader');
  });

  it('rejects a malformed token with invalid_request', async () => {
    await expect(
      extractBearerToken(post('', { authorization: 'Bearer a b' })),
    ).rejects.toMatchObject({ error: 'invalid_request', status: 400 });
  });
});
