/**
 * The audit viewer's filters as they live in the URL query (shareable links): plain strings,
 * dates as `YYYY-MM-DD` (UTC days, `to` inclusive), the tenant by slug.
 */
import type { AuditEventFilter } from './operations';

export const FILTER_KEYS = [
  'action',
  'objectType',
  'objectId',
  'actorId',
  'from',
  'to',
  'tenant',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Record<FilterKey, string>;

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromQuery(query: { get(name: string): string | null }): FilterValues {
  const values = {} as FilterValues;
  for (const key of FILTER_KEYS) values[key] = query.get(key)?.trim() ?? '';
  return values;
}

/** The query string of `values`, empty fields left out. */
export function queryOf(values: FilterValues): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) query.set(key, values[key]);
  return query.toString();
}

/**
 * The API's filter: `from` is the start of its day, `to` the start of the day after (the API's
 * `to` is exclusive, people mean "up to and including").
 */
export function apiFilterOf(values: FilterValues, tenantId: string | undefined): AuditEventFilter {
  const filter: AuditEventFilter = {};
  if (tenantId) filter.tenantId = tenantId;
  if (values.action) filter.action = values.action;
  if (values.objectType) filter.objectType = values.objectType;
  if (values.objectId) filter.objectId = values.objectId;
  if (values.actorId) filter.actorId = values.actorId;
  const from = startOfDay(values.from);
  if (from !== undefined) filter.from = new Date(from).toISOString();
  const to = startOfDay(values.to);
  if (to !== undefined) filter.to = new Date(to + DAY_MS).toISOString();
  return filter;
}

/** Epoch ms of a real calendar day `YYYY-MM-DD` (UTC); undefined for 2026-13-01 or 2026-02-30. */
function startOfDay(value: string): number | undefined {
  if (!DATE.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}
