import { createOperator } from '../../server/operators/create-operator';
import { type Command, optionalString, requiredString, stringList } from '../command';
import { table } from '../output';
import { tenantBySlug } from '../tenant-ref';

/** Without `--tenant-admin`, the operator is a platform operator (the first operator's case). */
export const createOperatorCommand: Command = {
  name: 'create-operator',
  summary: 'Create an operator who signs in to the console (through the admin tenant)',
  usage: '--email <email> --name <name> [--password <password>] [--tenant-admin <slug>]...',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    'tenant-admin': { type: 'string', multiple: true },
  },
  async run(context, values) {
    const slugs = stringList(values, 'tenant-admin');
    const tenants = await Promise.all(slugs.map((slug) => tenantBySlug(context, slug)));
    const created = await createOperator({
      ...context,
      email: requiredString(values, 'email'),
      name: requiredString(values, 'name'),
      password: optionalString(values, 'password'),
      platformOperator: tenants.length === 0,
      tenantIds: tenants.map((t) => t.id),
    });
    const { operator } = created;
    const roles = operator.memberships.map((m) =>
      m.role === 'tenant_admin' ? `tenant_admin of ${m.tenantSlug}` : m.role,
    );
    return {
      json: created,
      text: [
        `Created operator ${operator.email}`,
        ...table([
          ['id', operator.id],
          ['sign in at', `${context.deps.opPublicUrl}/admin (login ${created.login})`],
          ...(created.password
            ? [['password', `${created.password}  (shown once; store it now)`] as const]
            : []),
          ['roles', roles.join(', ')],
        ]),
      ],
    };
  },
};
