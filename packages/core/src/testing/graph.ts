/**
 * One of everything a tenant stores, tied together like the engine ties it (client -> grant ->
 * code and tokens; session; consent ...). Cascade and isolation tests seed it, act, and then
 * check exactly what survived.
 */
import assert from 'node:assert/strict';
import type {
  AccessTokenRecord,
  AuthorizationCodeRecord,
  ConsentRecord,
  GrantRecord,
  InteractionRecord,
  KeyRecord,
  RefreshTokenRecord,
  SessionRecord,
} from '../storage/ports.js';
import type { ClientRecord, UserRecord } from '../types.js';
import { assertSameRecord } from './assertions.js';
import {
  sampleAccessToken,
  sampleClient,
  sampleCode,
  sampleGrant,
  sampleRefreshToken,
  sampleUser,
} from './builders.js';
import { sampleConsent, sampleInteraction, sampleKey, sampleSession } from './builders-browser.js';
import type { ContractTenant } from './context.js';
import { randomId } from './context.js';

/** The records of one seeded graph. */
export interface Graph {
  user: UserRecord;
  client: ClientRecord;
  grant: GrantRecord;
  code: AuthorizationCodeRecord;
  accessToken: AccessTokenRecord;
  /** A client_credentials token: the client's, but of no grant. */
  clientToken: AccessTokenRecord;
  refreshToken: RefreshTokenRecord;
  session: SessionRecord;
  interaction: InteractionRecord;
  consent: ConsentRecord;
  key: KeyRecord;
  replayKey: string;
}

/** Builds a graph with fresh random ids; build once and seed it into several tenants. */
export function buildGraph(): Graph {
  const user = sampleUser();
  const client = sampleClient();
  const session = sampleSession({ userId: user.id, clientIds: [client.clientId] });
  const grant = sampleGrant({ clientId: client.clientId, userId: user.id, sid: session.id });
  const ofGrant = { grantId: grant.id, clientId: client.clientId };
  const accessToken = sampleAccessToken({ ...ofGrant, userId: user.id, sub: grant.sub });
  const clientToken = sampleAccessToken({ clientId: client.clientId, scope: 'api' });
  for (const field of ['grantId', 'userId', 'sub', 'claims'] as const) delete clientToken[field];
  return {
    user,
    client,
    grant,
    code: sampleCode(ofGrant),
    accessToken,
    clientToken,
    refreshToken: sampleRefreshToken(ofGrant),
    session,
    interaction: sampleInteraction({ clientId: client.clientId }),
    consent: sampleConsent({ userId: user.id, clientId: client.clientId }),
    key: sampleKey(),
    replayKey: randomId('jti'),
  };
}

/** Writes every record of the graph into the tenant. */
export async function seedGraph(tenant: ContractTenant, graph: Graph): Promise<void> {
  const { stores } = tenant;
  await tenant.putUser(graph.user);
  assert.equal(await stores.clients.create(graph.client), true);
  await stores.grants.create(graph.grant);
  await stores.codes.create(graph.code);
  await stores.accessTokens.create(graph.accessToken);
  await stores.accessTokens.create(graph.clientToken);
  await stores.refreshTokens.create(graph.refreshToken);
  await stores.subjects.remember(graph.user.id, graph.grant.sub!);
  await stores.sessions.create(graph.session);
  await stores.interactions.create(graph.interaction);
  await stores.consents.save(graph.consent);
  await stores.keys.create(graph.key);
  assert.equal(await stores.replay.add(graph.replayKey, graph.code.expiresAt), true);
}

/**
 * Asserts that every record of the graph is still in the tenant, unchanged and unused. It
 * consumes the code and the interaction to prove they were unused, so call it last.
 */
export async function assertGraphIntact(tenant: ContractTenant, graph: Graph): Promise<void> {
  const { stores } = tenant;
  assertSameRecord(await stores.users.get(graph.user.id), graph.user, 'user');
  assertSameRecord(await stores.clients.get(graph.client.clientId), graph.client, 'client');
  assertSameRecord(await stores.grants.get(graph.grant.id), graph.grant, 'grant');
  assertSameRecord(await stores.accessTokens.find(graph.accessToken.hash), graph.accessToken);
  assertSameRecord(await stores.accessTokens.find(graph.clientToken.hash), graph.clientToken);
  assertSameRecord(await stores.refreshTokens.find(graph.refreshToken.hash), graph.refreshToken);
  assert.equal(await stores.subjects.findUserId(graph.grant.sub!), graph.user.id, 'subject');
  assertSameRecord(await stores.sessions.get(graph.session.id), graph.session, 'session');
  const { userId, clientId } = graph.consent;
  assertSameRecord(await stores.consents.get(userId, clientId), graph.consent, 'consent');
  assert.deepEqual(
    (await stores.keys.list()).map((key) => key.kid),
    [graph.key.kid],
    'keys',
  );
  assert.equal(await stores.replay.add(graph.replayKey, graph.code.expiresAt), false, 'replay');
  const consumed = await stores.codes.consume(graph.code.hash, graph.code.issuedAt + 1);
  assert.equal(consumed.outcome, 'consumed', 'code');
  assertSameRecord(await stores.interactions.consume(graph.interaction.id), graph.interaction);
}
