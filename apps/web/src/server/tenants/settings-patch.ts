/**
 * Partial settings documents, applied as a JSON merge patch (RFC 7396): objects merge key by
 * key, lists and values replace, and `null` removes a field so its default applies again. The
 * same rule serves the GraphQL input (omitted field: unchanged) and documents from the CLI.
 */

export type SettingsPatch = Readonly<Record<string, unknown>>;

/**
 * A JSON object: plain or null-prototype (graphql-js builds input objects without a prototype).
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** @example mergePatch({ a: { b: 1, c: 2 } }, { a: { b: null, d: 3 } }) // { a: { c: 2, d: 3 } } */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const base = isJsonObject(target) ? target : {};
  const entries = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) entries.delete(key);
    else if (value !== undefined) entries.set(key, mergePatch(entries.get(key), value));
  }
  // fromEntries defines own properties: a `__proto__` key stays data, never a prototype.
  return Object.fromEntries(entries);
}

/**
 * Dotted paths the patch sets that the validated document does not hold: the schema drops
 * unknown fields, and a mistyped name silently doing nothing would mislead the admin.
 *
 * @example unknownPaths({ branding: { colour: '#fff' } }, parsed) // ['branding.colour']
 */
export function unknownPaths(patch: unknown, parsed: unknown, prefix = ''): string[] {
  if (!isJsonObject(patch) || !isJsonObject(parsed)) return [];
  return Object.entries(patch).flatMap(([key, value]) => {
    if (value === null || value === undefined) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if (!Object.hasOwn(parsed, key)) return [path];
    return unknownPaths(value, parsed[key], path);
  });
}
