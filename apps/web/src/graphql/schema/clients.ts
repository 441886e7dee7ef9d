import type { ClientView } from '../../server/clients/client-view';
import { createClient } from '../../server/clients/create-client';
import { deleteClient } from '../../server/clients/delete-client';
import { getClient } from '../../server/clients/get-client';
import { listClients } from '../../server/clients/list-clients';
import { rotateClientSecret } from '../../server/clients/rotate-client-secret';
import { updateClient } from '../../server/clients/update-client';
import { requirePrincipal } from '../../server/principal';
import { builder, connectionOf } from '../builder';

type Metadata = Record<string, unknown>;
const text = (c: ClientView, name: string) => {
  const value = (c.metadata as unknown as Metadata)[name];
  return typeof value === 'string' ? value : null;
};
const texts = (c: ClientView, name: string) => {
  const value = (c.metadata as unknown as Metadata)[name];
  return Array.isArray(value) ? (value as string[]) : [];
};

export const ClientRef = builder.objectRef<ClientView>('Client').implement({
  description:
    'An OAuth 2.0 / OpenID Connect client of a tenant. The common metadata fields are typed; ' +
    '`metadata` holds every registered field (RFC 7591 / OIDC Registration names). Secrets are ' +
    'never readable: they appear once, in the payload of the mutation that issued them.',
  fields: (t) => ({
    tenantId: t.exposeID('tenantId'),
    clientId: t.exposeString('clientId'),
    clientName: t.string({ nullable: true, resolve: (c) => text(c, 'client_name') }),
    applicationType: t.string({ resolve: (c) => c.metadata.application_type }),
    redirectUris: t.stringList({ resolve: (c) => texts(c, 'redirect_uris') }),
    postLogoutRedirectUris: t.stringList({
      resolve: (c) => texts(c, 'post_logout_redirect_uris'),
    }),
    grantTypes: t.stringList({ resolve: (c) => texts(c, 'grant_types') }),
    responseTypes: t.stringList({ resolve: (c) => texts(c, 'response_types') }),
    tokenEndpointAuthMethod: t.string({ resolve: (c) => c.metadata.token_endpoint_auth_method }),
    tokenEndpointAuthSigningAlg: t.string({
      nullable: true,
      resolve: (c) => text(c, 'token_endpoint_auth_signing_alg'),
    }),
    idTokenSignedResponseAlg: t.string({
      resolve: (c) => c.metadata.id_token_signed_response_alg,
    }),
    subjectType: t.string({ nullable: true, resolve: (c) => text(c, 'subject_type') }),
    sectorIdentifierUri: t.string({
      nullable: true,
      resolve: (c) => text(c, 'sector_identifier_uri'),
    }),
    scope: t.string({ nullable: true, resolve: (c) => text(c, 'scope') }),
    clientUri: t.string({ nullable: true, resolve: (c) => text(c, 'client_uri') }),
    logoUri: t.string({ nullable: true, resolve: (c) => text(c, 'logo_uri') }),
    policyUri: t.string({ nullable: true, resolve: (c) => text(c, 'policy_uri') }),
    tosUri: t.string({ nullable: true, resolve: (c) => text(c, 'tos_uri') }),
    contacts: t.stringList({ resolve: (c) => texts(c, 'contacts') }),
    jwksUri: t.string({ nullable: true, resolve: (c) => text(c, 'jwks_uri') }),
    initiateLoginUri: t.string({ nullable: true, resolve: (c) => text(c, 'initiate_login_uri') }),
    backchannelLogoutUri: t.string({
      nullable: true,
      resolve: (c) => text(c, 'backchannel_logout_uri'),
    }),
    backchannelLogoutSessionRequired: t.boolean({
      nullable: true,
      resolve: (c) => c.metadata.backchannel_logout_session_required ?? null,
    }),
    defaultMaxAge: t.int({ nullable: true, resolve: (c) => c.metadata.default_max_age ?? null }),
    requireAuthTime: t.boolean({
      nullable: true,
      resolve: (c) => c.metadata.require_auth_time ?? null,
    }),
    defaultAcrValues: t.stringList({ resolve: (c) => texts(c, 'default_acr_values') }),
    softwareId: t.string({ nullable: true, resolve: (c) => text(c, 'software_id') }),
    softwareVersion: t.string({ nullable: true, resolve: (c) => text(c, 'software_version') }),
    hasSecret: t.exposeBoolean('hasSecret', {
      description: 'Whether the client authenticates with a secret (never shown again).',
    }),
    metadata: t.field({
      type: 'JSON',
      description: 'Every registered metadata field, defaults applied.',
      resolve: (c) => c.metadata,
    }),
    issuedAt: t.field({ type: 'DateTime', resolve: (c) => c.issuedAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updatedAt }),
  }),
});

const ClientConnection = connectionOf('Client', ClientRef);

type SecretPayload = { client: ClientView; clientSecret?: string };

/** A client with the secret the mutation may have issued: the only place a secret appears. */
function secretPayload(name: string, description: string) {
  return builder.objectRef<SecretPayload>(name).implement({
    fields: (t) => ({
      client: t.field({ type: ClientRef, resolve: (p) => p.client }),
      clientSecret: t.string({
        nullable: true,
        description,
        resolve: (p) => p.clientSecret ?? null,
      }),
    }),
  });
}

const CreateClientPayload = secretPayload(
  'CreateClientPayload',
  'The client secret, shown this once (null for methods without one: none, private_key_jwt).',
);
const UpdateClientPayload = secretPayload(
  'UpdateClientPayload',
  'Set only when the new method needs a secret the client did not have; shown this once.',
);
const RotateClientSecretPayload = builder
  .objectRef<SecretPayload & { clientSecret: string }>('RotateClientSecretPayload')
  .implement({
    fields: (t) => ({
      client: t.field({ type: ClientRef, resolve: (p) => p.client }),
      clientSecret: t.exposeString('clientSecret', {
        description: 'The new secret, shown this once; the old one no longer works.',
      }),
    }),
  });

builder.queryFields((t) => ({
  clients: t.field({
    type: ClientConnection,
    description: "A tenant's clients, ordered by client id.",
    args: {
      tenantId: t.arg.id({ required: true }),
      search: t.arg.string({ required: false, description: 'Part of the client id or name.' }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      listClients({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  client: t.field({
    type: ClientRef,
    args: { tenantId: t.arg.id({ required: true }), clientId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      getClient({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));

builder.mutationFields((t) => ({
  createClient: t.field({
    type: CreateClientPayload,
    description:
      'Registers a client with the same validation as dynamic registration. `metadata` takes ' +
      'RFC 7591 / OIDC Registration fields (redirect_uris, grant_types, ...).',
    args: {
      tenantId: t.arg.id({ required: true }),
      metadata: t.arg({ type: 'JSON', required: true }),
      clientId: t.arg.string({ required: false, description: 'Random when omitted.' }),
    },
    resolve: (_root, args, ctx) =>
      createClient({
        ...args,
        metadata: args.metadata,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  updateClient: t.field({
    type: UpdateClientPayload,
    description:
      'Replaces all metadata (omitted fields take their defaults, as in RFC 7592), validated as ' +
      'dynamic registration validates it.',
    args: {
      tenantId: t.arg.id({ required: true }),
      clientId: t.arg.string({ required: true }),
      metadata: t.arg({ type: 'JSON', required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateClient({
        ...args,
        metadata: args.metadata,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  deleteClient: t.field({
    type: ClientRef,
    description: 'Deletes a client and everything issued to it; returns what was removed.',
    args: { tenantId: t.arg.id({ required: true }), clientId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      deleteClient({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
  rotateClientSecret: t.field({
    type: RotateClientSecretPayload,
    args: { tenantId: t.arg.id({ required: true }), clientId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      rotateClientSecret({
        ...args,
        tenantId: String(args.tenantId),
        deps: ctx.deps,
        principal: requirePrincipal(ctx.principal),
      }),
  }),
}));
