import { randomUUID } from 'node:crypto';
import { hashPassword, isUniqueViolation, MAX_PASSWORD_LENGTH, publicSubjectOf } from '@tessera/db';
import { z } from 'zod';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, fieldErrorsOf, validationFailed } from '../errors';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { findAdminTenant } from './admin-tenant';
import { assertTenantsExist } from './assert-tenants-exist';
import { GENERATED_PASSWORD_BYTES, randomSecret } from './one-time-secret';
import { OPERATOR_VIEW_SELECT, type OperatorView, operatorView } from './operator-view';

/** Shorter passwords are refused; a generated one is much longer. */
export const MIN_OPERATOR_PASSWORD_LENGTH = 12;

const inputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'must be an email address' }).max(254)),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(MIN_OPERATOR_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).optional(),
  platformOperator: z.boolean().default(false),
  tenantIds: z.array(z.string().min(1)).max(100).default([]),
});

export interface CreateOperatorOptions {
  deps: ServiceDeps;
  principal: Principal;
  email: string;
  name?: string | null;
  /** Generated (and returned once) when absent. */
  password?: string | null;
  platformOperator?: boolean | null;
  /** Tenants the operator administers (ignored in effect when also a platform operator). */
  tenantIds?: string[] | null;
}

export interface CreatedOperator {
  operator: OperatorView;
  /** The login at the admin tenant (the email, lower-cased). */
  login: string;
  /** Present only when generated: shown this once, stored only as a scrypt hash. */
  password?: string;
}

/**
 * An operator signs in to the console through the `admin` tenant: this creates that tenant's
 * user (login = email), the `Operator` whose `subject` is the `sub` the admin tenant issues for
 * the user, and its memberships, all in one transaction. Platform operators only.
 *
 * @example
 * const { operator, password } = await createOperator({
 *   deps, principal, email: 'ops@example.com', tenantIds: [acme.id],
 * });
 */
export async function createOperator(options: CreateOperatorOptions): Promise<CreatedOperator> {
  const { deps, principal } = options;
  assertPlatformOperator(principal);
  const parsed = inputSchema.safeParse(
    withoutNull(options, ['email', 'name', 'password', 'platformOperator', 'tenantIds']),
  );
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues));
  const input = parsed.data;
  const tenantIds = [...new Set(input.tenantIds)];
  if (!input.platformOperator && tenantIds.length === 0) {
    throw validationFailed([
      { path: 'tenantIds', message: 'Give at least one tenant, or make a platform operator' },
    ]);
  }
  await assertTenantsExist(
    deps.db,
    tenantIds.map((tenantId, index) => ({ tenantId, path: `tenantIds.${index}` })),
  );
  const admin = await findAdminTenant(deps.db);
  const generated =
    input.password === undefined ? randomSecret(GENERATED_PASSWORD_BYTES) : undefined;
  const passwordHash = await hashPassword(input.password ?? (generated as string));
  const userId = randomUUID();
  const operatorId = randomUUID();
  const createdAt = deps.now();
  const roles = [
    ...(input.platformOperator ? [{ role: 'platform_operator', tenantId: null }] : []),
    ...tenantIds.map((tenantId) => ({ role: 'tenant_admin', tenantId })),
  ];
  try {
    const row = await recordChange(
      {
        db: deps.db,
        principal,
        tenantId: null,
        action: 'operator.create',
        objectType: 'operator',
        objectId: operatorId,
        details: { email: input.email, name: input.name ?? null, roles },
        now: deps.now,
      },
      async (tx) => {
        await tx.user.create({
          data: {
            tenantId: admin.id,
            id: userId,
            loginName: input.email,
            email: input.email,
            passwordHash,
            // The platform operator vouches for the address, as the seed does for the first one.
            claims: {
              ...(input.name && { name: input.name }),
              email: input.email,
              email_verified: true,
            },
            createdAt,
          },
          select: { id: true },
        });
        await tx.operator.create({
          data: {
            id: operatorId,
            subject: publicSubjectOf(admin.settings, userId),
            email: input.email,
            name: input.name ?? null,
            createdAt,
          },
          select: { id: true },
        });
        for (const { role, tenantId } of roles) {
          await tx.membership.create({
            data: { id: randomUUID(), operatorId, tenantId, role, createdAt },
            select: { id: true },
          });
        }
        return tx.operator.findUniqueOrThrow({
          where: { id: operatorId },
          select: OPERATOR_VIEW_SELECT,
        });
      },
    );
    return {
      operator: operatorView(row),
      login: input.email,
      ...(generated !== undefined && { password: generated }),
    };
  } catch (error) {
    // Operator email or the admin tenant's login: either way the address is taken.
    if (isUniqueViolation(error))
      throw conflict(`An operator or admin user '${input.email}' exists already`);
    throw error;
  }
}

/** GraphQL passes null for absent optional arguments; zod's optional means undefined. */
function withoutNull<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(
    keys.flatMap((key) =>
      value[key] === null || value[key] === undefined ? [] : [[key, value[key]]],
    ),
  ) as Partial<T>;
}
