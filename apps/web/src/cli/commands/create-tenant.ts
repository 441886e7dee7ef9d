import { createTenant } from '../../server/tenants/create-tenant';
import { type Command, requiredString } from '../command';
import { table } from '../output';

export const createTenantCommand: Command = {
  name: 'create-tenant',
  summary: 'Create a tenant (an OpenID Provider of its own)',
  usage: '--slug <slug> --name <name>',
  options: { slug: { type: 'string' }, name: { type: 'string' } },
  async run(context, values) {
    const tenant = await createTenant({
      ...context,
      slug: requiredString(values, 'slug'),
      name: requiredString(values, 'name'),
    });
    return {
      // Not the settings: they hold the subject salt, which stays in the database.
      json: {
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        status: tenant.status,
        issuer: tenant.issuer,
        discoveryUrl: tenant.discoveryUrl,
      },
      text: [
        `Created tenant ${tenant.slug} (${tenant.name})`,
        ...table([
          ['id', tenant.id],
          ['issuer', tenant.issuer],
          ['discovery', tenant.discoveryUrl],
        ]),
      ],
    };
  },
};
