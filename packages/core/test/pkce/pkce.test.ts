/** PKCE at the token endpoint (RFC 7636 4.5, 4.6), with pyOP's test vector. */
import { describe, expect, it } from 'vitest';
import { createTestProvider, putClient } from '../support/harness.js';
import {
  exchangeCode,
  expectError,
  issueCode,
  json,
  PKCE_CHALLENGE,
  PKCE_VERIFIER,
} from '../support/tokens.js';

const PLAIN_VERIFIER = 'a'.repeat(43);

describe('PKCE RFC 7636', () => {
  it('accepts the S256 verifier of pyOP test vector', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, {
      codeChallenge: PKCE_CHALLENGE,
      codeChallengeMethod: 'S256',
    });
    expect((await exchangeCode(provider, code, { code_verifier: PKCE_VERIFIER })).status).toBe(200);
  });

  it('rejects a wrong S256 verifier with invalid_grant', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, {
      codeChallenge: PKCE_CHALLENGE,
      codeChallengeMethod: 'S256',
    });
    const response = await exchangeCode(provider, code, {
      code_verifier: `${PKCE_VERIFIER.slice(1)}x`,
    });
    await expectError(response, 400, 'invalid_grant');
  });

  it('rejects a missing verifier for a code with a challenge with invalid_grant', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, {
      codeChallenge: PKCE_CHALLENGE,
      codeChallengeMethod: 'S256',
    });
    await expectError(await exchangeCode(provider, code), 400, 'invalid_grant');
  });

  it('rejects a 1-character verifier even when it matches a plain challenge (pyOP defect 6)', async () => {
    const { provider } = await createTestProvider({ settings: { pkce: { allowPlain: true } } });
    const { code } = await issueCode(provider, {
      codeChallenge: 'a',
      codeChallengeMethod: 'plain',
    });
    await expectError(
      await exchangeCode(provider, code, { code_verifier: 'a' }),
      400,
      'invalid_grant',
    );
  });

  it('rejects verifiers outside the unreserved alphabet', async () => {
    const { provider } = await createTestProvider({ settings: { pkce: { allowPlain: true } } });
    const verifier = `${'a'.repeat(42)} `;
    const { code } = await issueCode(provider, {
      codeChallenge: verifier,
      codeChallengeMethod: 'plain',
    });
    await expectError(
      await exchangeCode(provider, code, { code_verifier: verifier }),
      400,
      'invalid_grant',
    );
  });

  it('accepts plain PKCE when the tenant allows it (pyOP answered 500)', async () => {
    const { provider } = await createTestProvider({ settings: { pkce: { allowPlain: true } } });
    const { code } = await issueCode(provider, {
      codeChallenge: PLAIN_VERIFIER,
      codeChallengeMethod: 'plain',
    });
    expect((await exchangeCode(provider, code, { code_verifier: PLAIN_VERIFIER })).status).toBe(
      200,
    );
  });

  it('treats a challenge without method as plain (RFC 7636 4.3)', async () => {
    const { provider } = await createTestProvider({ settings: { pkce: { allowPlain: true } } });
    const { code } = await issueCode(provider, { codeChallenge: PLAIN_VERIFIER });
    expect((await exchangeCode(provider, code, { code_verifier: PLAIN_VERIFIER })).status).toBe(
      200,
    );
  });

  it('refuses plain PKCE with invalid_grant, not a 500, when the tenant does not allow it', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, {
      codeChallenge: PLAIN_VERIFIER,
      codeChallengeMethod: 'plain',
    });
    await expectError(
      await exchangeCode(provider, code, { code_verifier: PLAIN_VERIFIER }),
      400,
      'invalid_grant',
    );
  });

  it('rejects a verifier sent for a code issued without a challenge (RFC 9700 2.1.1)', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider);
    await expectError(
      await exchangeCode(provider, code, { code_verifier: PKCE_VERIFIER }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a public client code without a challenge (PKCE required for public clients)', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'spa', { token_endpoint_auth_method: 'none' });
    const { code } = await issueCode(provider, { clientId: 'spa' });
    const response = await exchangeCode(provider, code, { client_id: 'spa' }, {});
    await expectError(response, 400, 'invalid_grant');
  });

  it('lets a public client redeem its PKCE code with client_id only', async () => {
    const { provider, stores } = await createTestProvider();
    await putClient(stores, 'spa', { token_endpoint_auth_method: 'none' });
    const { code } = await issueCode(provider, {
      clientId: 'spa',
      codeChallenge: PKCE_CHALLENGE,
      codeChallengeMethod: 'S256',
    });
    const response = await exchangeCode(
      provider,
      code,
      { client_id: 'spa', code_verifier: PKCE_VERIFIER },
      {},
    );
    expect(response.status).toBe(200);
    expect((await json(response)).access_token).toEqual(expect.any(String));
  });
});
