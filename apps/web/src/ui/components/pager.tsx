'use client';
/**
 * Cursor pagination over the API's connections (`first`/`after`, `pageInfo`): Next follows
 * `endCursor`, Previous pops back. `usePager` resets to the first page when `resetKey` (the
 * search text, say) changes.
 */
import { useEffect, useState } from 'react';

export interface Pager {
  after: string | undefined;
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
}

export function usePager(resetKey: string): Pager {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetting is the point of the key.
  useEffect(() => setCursors([undefined]), [resetKey]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor) => {
      if (endCursor) setCursors((current) => [...current, endCursor]);
    },
    previous: () => setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current)),
  };
}

export function PagerControls(props: {
  pager: Pager;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
  totalCount?: number | null | undefined;
  noun: string;
}) {
  const { pager, pageInfo } = props;
  return (
    <nav className="pager" aria-label={`${props.noun} pages`}>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={pager.previous}
        disabled={pager.page <= 1}
      >
        Previous
      </button>
      <span className="pager-status">
        Page {pager.page}
        {typeof props.totalCount === 'number' && ` · ${props.totalCount} ${props.noun}`}
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => pager.next(pageInfo?.endCursor)}
        disabled={!pageInfo?.hasNextPage}
      >
        Next
      </button>
    </nav>
  );
}
