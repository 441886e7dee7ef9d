/** Seen JWT ids (client assertions): the primary key decides atomically whether one is new. */
import type { ReplayStore } from '@tessera/core';
import { isUniqueViolation, toDate } from './convert.js';
import type { TenantScope } from './scope.js';

export function replayStore(scope: TenantScope): ReplayStore {
  return {
    // A seen key stays refused until `sweepExpired` (driven by the engine's clock, never the
    // wall clock here) removes it after `expiresAt`.
    async add(key, expiresAt) {
      try {
        await scope.db.replayEntry.create({
          data: scope.data({ key, expiresAt: toDate(expiresAt) }),
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
