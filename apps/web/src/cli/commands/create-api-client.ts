import type { ApiClientRoles } from '../../auth/roles';
import { createApiClient } from '../../server/api-clients/create-api-client';
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

export const createApiClientCommand: Command = {
  name: 'create-api-client',
  summary: 'Create an API client (client credentials at the admin tenant); prints its secret once',
  usage: '--name <name> (--role platform_operator | --tenant-admin <slug>...)',
  options: {
    name: { type: 'string' },
    role: { type: 'string' },
    'tenant-admin': { type: 'string', multiple: true },
  },
  async run(context, values) {
    const name = requiredString(values, 'name');
    const role = optionalString(values, 'role');
    const slugs = stringList(values, 'tenant-admin');
    if (role === undefined && slugs.length === 0) {
      throw new UsageError('Give --role platform_operator or --tenant-admin <slug>');
    }
    const roles: ApiClientRoles = [];
    if (role !== undefined && oneOf('role', role, ['platform_operator'] as const)) {
      roles.push({ role: 'platform_operator' });
    }
    for (const slug of slugs) {
      roles.push({ role: 'tenant_admin', tenantId: (await tenantBySlug(context, slug)).id });
    }
    const created = await createApiClient({ ...context, name, roles });
    const { apiClient } = created;
    const tokenEndpoint = `${context.deps.opPublicUrl}/admin/token`;
    return {
      json: { ...created, tokenEndpoint },
      text: [
        `Created API client ${apiClient.name}`,
        ...table([
          ['client_id', apiClient.clientId],
          ['client_secret', `${created.clientSecret}  (shown once; store it now)`],
          ['token endpoint', `${tokenEndpoint} (grant_type=client_credentials, HTTP Basic)`],
          [
            'roles',
            apiClient.roles
              .map((r) => (r.role === 'tenant_admin' ? `tenant_admin of ${r.tenantSlug}` : r.role))
              .join(', '),
          ],
        ]),
      ],
    };
  },
};
