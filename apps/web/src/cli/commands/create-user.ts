import { createUser } from '../../server/users/create-user';
import { type Command, optionalString, requiredString, stringList, UsageError } from '../command';
import { table } from '../output';
import { tenantBySlug } from '../tenant-ref';

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Create an end user of a tenant',
  usage:
    '--tenant <slug> --login <login> [--email <email>] [--password <password>] [--name <name>] [--claim <name>=<value>]...',
  options: {
    tenant: { type: 'string' },
    login: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    claim: { type: 'string', multiple: true },
  },
  async run(context, values) {
    const tenant = await tenantBySlug(context, requiredString(values, 'tenant'));
    const email = optionalString(values, 'email');
    const name = optionalString(values, 'name');
    const claims = {
      ...(name !== undefined && { name }),
      ...(email !== undefined && { email }),
      ...Object.fromEntries(stringList(values, 'claim').map(claimEntry)),
    };
    const user = await createUser({
      ...context,
      tenantId: tenant.id,
      loginName: requiredString(values, 'login'),
      email,
      password: optionalString(values, 'password'),
      claims,
    });
    return {
      json: { tenant: tenant.slug, user },
      text: [
        `Created user ${user.loginName} at ${tenant.slug}`,
        ...table([
          ['id', user.id],
          ['sign in at', tenant.issuer],
          ['password', user.hasPassword ? 'set' : 'none (set one before the user signs in)'],
        ]),
      ],
    };
  },
};

/** `--claim department=sales`; a value that parses as JSON (`true`, `42`, `["a"]`) is kept typed. */
function claimEntry(option: string): [string, unknown] {
  const at = option.indexOf('=');
  if (at < 1) throw new UsageError(`--claim takes <name>=<value> (got '${option}')`);
  const raw = option.slice(at + 1);
  try {
    return [option.slice(0, at), JSON.parse(raw)];
  } catch {
    return [option.slice(0, at), raw];
  }
}
