/**
 * What a tenant page shows, as plain data: loaded on the runtime side (`src/interaction/`),
 * rendered by the Next pages and by the fast lane's error page.
 */
import type { Theme } from '@tessera/core/branding';

export type InteractionPrompt = 'login' | 'consent' | 'logout';

/** The relying party, with only the links that are safe to render (http or https). */
export interface ClientView {
  clientId: string;
  name?: string;
  logoUri?: string;
  clientUri?: string;
  policyUri?: string;
  tosUri?: string;
}

export interface InteractionView {
  id: string;
  /** The step the interaction is at (may differ from the page the browser asked for). */
  prompt: InteractionPrompt;
  /** Where the form posts: `{issuer}/interaction/{id}`. */
  formAction: string;
  csrf: string;
  client?: ClientView;
  scopes: string[];
  claims: string[];
  loginHint?: string;
}

export interface PageView {
  tenantSlug: string;
  issuer: string;
  theme: Theme;
  /** A key of the i18n catalogues. */
  locale: string;
  /** The interaction the page was asked for (interaction pages only). */
  interactionId?: string;
  /** For interaction pages: the interaction, or 'expired' (unknown, expired or another browser's). */
  interaction?: InteractionView | 'expired';
}

/** The request header carrying the key of the page data `server.ts` loaded before Next ran. */
export const PAGE_DATA_HEADER = 'x-tessera-page-data';

/** The URL of interaction `id`'s page for `prompt`. */
export function interactionPageUrl(issuer: string, id: string, prompt: InteractionPrompt): string {
  return `${issuer}/interaction/${id}/${prompt}`;
}
