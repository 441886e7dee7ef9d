/**
 * Which catalogue a page uses. Preference order: the authorization request's `ui_locales`
 * (OpenID Connect Core 3.1.2.1: the relying party speaks for the user), then the browser's
 * Accept-Language (by q-value; q=0 means "not this one"), then the tenant's default locale,
 * then the first available language. Each preferred tag matches exactly, else by its primary
 * language (`de-AT` → `de`, `pt` → `pt-BR`), before the next preference is tried.
 */

/** Accept-Language entries read at most: the header is attacker-sized. */
const MAX_ACCEPT_LANGUAGE_ENTRIES = 20;

/**
 * @example pickLocale(['fr-CA'], 'de-AT,de;q=0.9,en;q=0.5', ['en', 'de'], 'en') // 'de'
 */
export function pickLocale(
  uiLocales: readonly string[] | undefined,
  acceptLanguage: string | null | undefined,
  available: readonly string[],
  tenantDefault: string,
): string {
  const preferences = [...(uiLocales ?? []), ...parseAcceptLanguage(acceptLanguage), tenantDefault];
  for (const wanted of preferences) {
    const match = matchLocale(wanted, available);
    if (match) return match;
  }
  return available[0] ?? 'en';
}

/** The tags of an Accept-Language header, most wanted first; `*` and q=0 entries dropped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; index: number }[] = [];
  for (const [index, part] of header.split(',').slice(0, MAX_ACCEPT_LANGUAGE_ENTRIES).entries()) {
    const [tag = '', ...params] = part.trim().split(';');
    let q = 1;
    for (const param of params) {
      const [name, value] = param.trim().split('=');
      if (name === 'q') q = Number(value);
    }
    if (tag && tag !== '*' && Number.isFinite(q) && q > 0)
      entries.push({ tag: tag.trim(), q, index });
  }
  // Stable: equal weights keep the header's order.
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.map((entry) => entry.tag);
}

function matchLocale(wanted: string, available: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  const exact = available.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return (
    available.find((tag) => tag.toLowerCase() === language) ??
    available.find((tag) => tag.toLowerCase().split('-')[0] === language)
  );
}
