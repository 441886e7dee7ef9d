import { stringify } from 'yaml';
import { exportTenantConfig } from '../../server/config-documents/export-tenant-config';
import { type Command, oneOf, optionalString, requiredString } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: "Print a tenant's configuration as a document for `apply` (no secrets, users or keys)",
  usage: '--tenant <slug> [--format yaml|json]',
  options: { tenant: { type: 'string' }, format: { type: 'string' } },
  async run(context, values) {
    const format = oneOf('format', optionalString(values, 'format') ?? 'yaml', ['yaml', 'json']);
    const document = await exportTenantConfig({
      ...context,
      slug: requiredString(values, 'tenant'),
    });
    const text =
      format === 'json' ? JSON.stringify(document, null, 2) : stringify(document).trimEnd();
    return { json: document, text: [text] };
  },
};
