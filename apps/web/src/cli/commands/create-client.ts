import { createClient } from '../../server/clients/create-client';
import {
  type Command,
  oneOf,
  optionalString,
  requiredString,
  stringList,
  UsageError,
} from '../command';
import { table } from '../output';
import { tenantBySlug } from '../tenant-ref';

const CLIENT_TYPES = ['web', 'spa', 'native', 'machine'] as const;
type ClientType = (typeof CLIENT_TYPES)[number];

/**
 * Registration metadata of each kind of client (OAuth 2.0 for Browser-Based Apps and RFC 8252
 * for native apps: public clients with PKCE; machines use client credentials only).
 */
const PRESETS: Record<ClientType, Record<string, unknown>> = {
  web: {
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  },
  spa: {
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
  native: {
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
  machine: {
    application_type: 'web',
    grant_types: ['client_credentials'],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  },
};

export const createClientCommand: Command = {
  name: 'create-client',
  summary: 'Register a client (relying party) at a tenant; prints its secret once',
  usage:
    '--tenant <slug> --name <name> --redirect-uri <uri>... [--type web|spa|native|machine] [--client-id <id>] [--post-logout-redirect-uri <uri>]...',
  options: {
    tenant: { type: 'string' },
    name: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'post-logout-redirect-uri': { type: 'string', multiple: true },
    type: { type: 'string' },
    'client-id': { type: 'string' },
  },
  async run(context, values) {
    const type = oneOf('type', optionalString(values, 'type') ?? 'web', CLIENT_TYPES);
    const redirectUris = stringList(values, 'redirect-uri');
    if (type !== 'machine' && redirectUris.length === 0) {
      throw new UsageError('--redirect-uri is required (repeat it for several)');
    }
    const tenant = await tenantBySlug(context, requiredString(values, 'tenant'));
    const postLogout = stringList(values, 'post-logout-redirect-uri');
    const created = await createClient({
      ...context,
      tenantId: tenant.id,
      clientId: optionalString(values, 'client-id'),
      metadata: {
        ...PRESETS[type],
        client_name: requiredString(values, 'name'),
        redirect_uris: redirectUris,
        ...(postLogout.length > 0 && { post_logout_redirect_uris: postLogout }),
      },
    });
    const { client } = created;
    return {
      json: { tenant: tenant.slug, ...created },
      text: [
        `Created ${type} client ${client.metadata.client_name ?? client.clientId} at ${tenant.slug}`,
        ...table([
          ['client_id', client.clientId],
          ...(created.clientSecret
            ? [['client_secret', `${created.clientSecret}  (shown once; store it now)`] as const]
            : []),
          ['issuer', tenant.issuer],
          ['redirect_uris', client.metadata.redirect_uris.join(' ') || '(none)'],
        ]),
      ],
    };
  },
};
