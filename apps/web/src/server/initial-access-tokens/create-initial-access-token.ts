import { randomUUID } from 'node:crypto';
import { hashToken } from '@tessera/core';
import { z } from 'zod';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { fieldErrorsOf, validationFailed } from '../errors';
import { randomSecret } from '../operators/one-time-secret';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import {
  INITIAL_ACCESS_TOKEN_VIEW_SELECT,
  type InitialAccessTokenView,
  initialAccessTokenView,
} from './initial-access-token-view';

/** 32 random bytes (256 bits): a bearer credential that may never expire must not be guessable. */
export const INITIAL_ACCESS_TOKEN_BYTES = 32;

/** A year: longer-lived registration credentials should be deliberate, i.e. without expiry. */
export const MAX_INITIAL_ACCESS_TOKEN_LIFETIME = 365 * 24 * 60 * 60;

const inputSchema = z.object({
  description: z.string().trim().max(200).optional(),
  expiresInSeconds: z.number().int().min(60).max(MAX_INITIAL_ACCESS_TOKEN_LIFETIME).optional(),
});

export interface CreateInitialAccessTokenOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  description?: string | null;
  /** Omitted: the token works until revoked. */
  expiresInSeconds?: number | null;
}

export interface CreatedInitialAccessToken {
  /** The bearer token, shown this once; only its hash is stored. */
  token: string;
  initialAccessToken: InitialAccessTokenView;
}

/**
 * A new RFC 7591 3 initial access token for the tenant's dynamic registration endpoint (used
 * when its registration policy is `initial_access_token`). Reusable until revoked or expired.
 * The provider is not rebuilt: apps/op looks tokens up on every registration request.
 *
 * @example const { token } = await createInitialAccessToken({ deps, principal, tenantId, expiresInSeconds: 3600 });
 */
export async function createInitialAccessToken(
  options: CreateInitialAccessTokenOptions,
): Promise<CreatedInitialAccessToken> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const parsed = inputSchema.safeParse({
    description: options.description ?? undefined,
    expiresInSeconds: options.expiresInSeconds ?? undefined,
  });
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues));
  await requireTenant(deps.db, tenantId);
  const { description, expiresInSeconds } = parsed.data;
  const createdAt = deps.now();
  const expiresAt =
    expiresInSeconds === undefined ? null : new Date(createdAt.getTime() + expiresInSeconds * 1000);
  const id = randomUUID();
  const token = randomSecret(INITIAL_ACCESS_TOKEN_BYTES);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'initial_access_token.create',
      objectType: 'initial_access_token',
      objectId: id,
      details: { description: description || null, expiresAt: expiresAt?.toISOString() ?? null },
      bumpConfigVersion: false,
      now: deps.now,
    },
    (tx) =>
      tx.initialAccessToken.create({
        data: {
          tenantId,
          id,
          hash: hashToken(token),
          description: description || null,
          createdAt,
          expiresAt,
        },
        select: INITIAL_ACCESS_TOKEN_VIEW_SELECT,
      }),
  );
  return { token, initialAccessToken: initialAccessTokenView(row) };
}
