/** Display names are shown on login pages and in the console; 200 characters fit both. */
export const MAX_TENANT_NAME_LENGTH = 200;

/**
 * Why `name` (already trimmed) cannot name a tenant, or undefined when it can.
 *
 * @example tenantNameProblem('') // 'The name must be 1 to 200 characters'
 */
export function tenantNameProblem(name: string): string | undefined {
  return name.length < 1 || name.length > MAX_TENANT_NAME_LENGTH
    ? `The name must be 1 to ${MAX_TENANT_NAME_LENGTH} characters`
    : undefined;
}
