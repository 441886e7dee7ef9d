/** The state one `applyTenantConfig` call carries through its steps. */
import type { ServiceDeps } from '../../graphql/context';
import type { Principal } from '../principal';
import type { TenantView } from '../tenants/tenant-view';
import type { ConfigChange } from './config-change';
import type { TenantConfigDocument } from './document-schema';

export interface ApplyRun {
  deps: ServiceDeps;
  principal: Principal;
  document: TenantConfigDocument;
  /** Delete what a present section does not list. */
  prune: boolean;
  /** The tenant as it is now (set by the first step, refreshed by those that change it). */
  tenant: TenantView;
  record(change: ConfigChange): void;
}
