'use client';
/**
 * The audit log a page at a time for one filter: the first page loads whenever the filter
 * changes (the rows shown stay until it arrives), "Load more" appends the page after the last
 * cursor. There is no total count: the log only grows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../graphql/request';
import { AUDIT_EVENTS, type AuditEvent, type AuditEventFilter } from './operations';

export const AUDIT_PAGE_SIZE = 25;

export interface AuditPages {
  events: AuditEvent[] | undefined;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

export function useAuditPages(filter: AuditEventFilter, skip = false): AuditPages {
  const key = JSON.stringify(filter);
  const [events, setEvents] = useState<AuditEvent[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(!skip);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [reloads, setReloads] = useState(0);
  // Answers for an older filter arrive late sometimes; only the newest generation may land.
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for the same filter again.
  useEffect(() => {
    if (skip) return;
    const mine = ++generation.current;
    setLoading(true);
    request(AUDIT_EVENTS, { filter: JSON.parse(key) as AuditEventFilter, first: AUDIT_PAGE_SIZE })
      .then((data) => {
        if (mine !== generation.current) return;
        setEvents(data.auditEvents.nodes);
        setCursor(data.auditEvents.pageInfo.endCursor);
        setHasMore(data.auditEvents.pageInfo.hasNextPage);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (mine === generation.current) setError(caught);
      })
      .finally(() => {
        if (mine === generation.current) setLoading(false);
      });
  }, [key, skip, reloads]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    request(AUDIT_EVENTS, {
      filter: JSON.parse(key) as AuditEventFilter,
      first: AUDIT_PAGE_SIZE,
      after: cursor,
    })
      .then((data) => {
        if (mine !== generation.current) return;
        setEvents((current) => [...(current ?? []), ...data.auditEvents.nodes]);
        setCursor(data.auditEvents.pageInfo.endCursor);
        setHasMore(data.auditEvents.pageInfo.hasNextPage);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (mine === generation.current) setError(caught);
      })
      .finally(() => setLoadingMore(false));
  }, [cursor, key]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { events, hasMore, loading, loadingMore, error, loadMore, reload };
}
