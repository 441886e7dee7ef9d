/**
 * A tenant's configuration as a document (JSON or YAML): what `exportTenantConfig` writes and
 * `applyTenantConfig` brings a tenant to. No secrets, users or keys. A section left out of a
 * document is not managed by it (apply leaves that part of the tenant alone); a section present,
 * even empty, is the whole truth for that part (apply with `prune` deletes what it does not list).
 */
import { slugProblem } from '@tessera/db';
import { z } from 'zod';
import {
  CLAIM_TYPES,
  claimNameSchema,
  descriptionSchema,
  MAX_CLAIM_DEFINITIONS,
  MAX_SCOPE_CLAIMS,
  MAX_SCOPE_DEFINITIONS,
  scopeNameSchema,
} from '../claims/definition-rules';

/** Far above a real tenant's client count; bounds the work one document can ask for. */
export const MAX_DOCUMENT_CLIENTS = 1_000;
export const MAX_DOCUMENT_DOMAINS = 100;

/** Names in a list must be unique: the second entry would silently win otherwise. */
function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `repeats the ${what} '${value}'`,
        });
      }
      seen.add(value);
    });
  };
}

const claimSchema = z.strictObject({
  name: claimNameSchema,
  description: descriptionSchema,
  type: z.enum(CLAIM_TYPES).default('string'),
});

const scopeSchema = z.strictObject({
  name: scopeNameSchema,
  description: descriptionSchema,
  claims: z.array(z.string()).max(MAX_SCOPE_CLAIMS),
});

const clientSchema = z.strictObject({
  clientId: z.string().min(1),
  /** Registration metadata (RFC 7591 names), validated as dynamic registration validates it. */
  metadata: z.record(z.string(), z.unknown()),
});

export const tenantConfigDocumentSchema = z.strictObject({
  tenant: z.strictObject({
    slug: z.string().superRefine((slug, context) => {
      const problem = slugProblem(slug);
      if (problem) context.addIssue({ code: 'custom', message: `The slug ${problem}` });
    }),
    name: z.string().trim().min(1).max(200),
    status: z.enum(['active', 'disabled']).default('active'),
  }),
  /** The settings document without `subjectSalt` (which never changes). */
  settings: z.record(z.string(), z.unknown()).optional(),
  domains: z
    .array(z.string().trim().toLowerCase())
    .max(MAX_DOCUMENT_DOMAINS)
    .superRefine(uniqueBy((d) => d, 'domain'))
    .optional(),
  claims: z
    .array(claimSchema)
    .max(MAX_CLAIM_DEFINITIONS)
    .superRefine(uniqueBy((c) => c.name, 'claim'))
    .optional(),
  scopes: z
    .array(scopeSchema)
    .max(MAX_SCOPE_DEFINITIONS)
    .superRefine(uniqueBy((s) => s.name, 'scope'))
    .optional(),
  clients: z
    .array(clientSchema)
    .max(MAX_DOCUMENT_CLIENTS)
    .superRefine(uniqueBy((c) => c.clientId, 'client id'))
    .optional(),
});

/** A parsed document: defaults filled in (`status`, claim `type`, null descriptions). */
export type TenantConfigDocument = z.infer<typeof tenantConfigDocumentSchema>;
