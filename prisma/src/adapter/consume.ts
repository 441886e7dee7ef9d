/**
 * Single use, race-free on both providers: one conditional UPDATE ... RETURNING
 * (`consumedAt IS NULL` in the WHERE clause). The database serialises writers on the row, so of
 * many concurrent callers exactly one gets the row back; the others read it and see a replay.
 * The happy path is one query.
 */
import type { ConsumeResult } from '@tessera/core';

export async function consumeOnce<Row, Record>(
  markConsumed: () => Promise<Row[]>,
  read: () => Promise<Row[]>,
  toRecord: (row: Row) => Record,
): Promise<ConsumeResult<Record>> {
  const [won] = await markConsumed();
  if (won) return { outcome: 'consumed', record: toRecord(won) };
  const [row] = await read();
  return row ? { outcome: 'replayed', record: toRecord(row) } : { outcome: 'not_found' };
}
