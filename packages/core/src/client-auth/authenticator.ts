/** The shape every client authentication method shares; the dispatcher picks one by name. */
import type { ProviderContext } from '../context.js';
import type { ClientAuthMethod, ClientRecord } from '../types.js';
import type { PresentedCredentials } from './presented-credentials.js';

export interface ClientAuthenticator {
  method: ClientAuthMethod;
  /** The kind of presented credentials this method reads. */
  presents: PresentedCredentials['kind'];
  /** Throws `invalid_client` unless the credentials authenticate `client`. */
  verify(
    ctx: ProviderContext,
    client: ClientRecord,
    presented: PresentedCredentials,
    audience: string[],
  ): Promise<void>;
}
