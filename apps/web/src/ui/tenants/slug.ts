/**
 * A slug suggested from a tenant's name: lower-case ASCII letters and digits joined by single
 * hyphens, at most 63 characters (the API's DNS-label rule; the API has the last word).
 *
 * @example suggestSlug('Acme Corp. (EU)') // 'acme-corp-eu'
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
