/** What every resolver receives: the caller (if authenticated) and the services' dependencies. */
import type { Db, DbProvider, SecretBox } from '@tessera/db';
import type { Principal } from '../server/principal';

export interface ServiceDeps {
  db: Db;
  /** Which database: a few queries differ (case-insensitive search). */
  provider: DbProvider;
  secretBox: SecretBox;
  /** The OP's public origin: issuers are `${opPublicUrl}/{slug}`. */
  opPublicUrl: string;
  now: () => Date;
}

export interface GraphQLContext {
  principal: Principal | undefined;
  deps: ServiceDeps;
}
