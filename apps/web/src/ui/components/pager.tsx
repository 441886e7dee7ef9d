'use client';
/**
 * Cursor pagination over the API's connections (`first`/`after`, `pageInfo`): Next follows
 * `endCursor`, Previous pops back. `usePager` is back on the first page when `resetKey` (the
 * search text, say) changes.
 */
import { useState } from 'react';

export interface Pager {
  after: string | undefined;
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
}

export function usePager(resetKey: string): Pager {
  // Cursors belong to the key they were followed under; a new key starts at page 1 in the same
  // render, so no request goes out with a cursor of the previous search.
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: resetKey,
    cursors: [undefined],
  });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor) => {
      if (endCursor) setState({ key: resetKey, cursors: [...cursors, endCursor] });
    },
    previous: () =>
      setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
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
