// STUB: to be implemented (authorization endpoint work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { InteractionPrompt } from '../storage/ports.js';

/** What the host's page shows for a paused request. */
export interface InteractionDetails {
  id: string;
  prompt: InteractionPrompt;
  client?: {
    clientId: string;
    name?: string;
    logoUri?: string;
    clientUri?: string;
    policyUri?: string;
    tosUri?: string;
  };
  /** Scopes requested (consent) and the claims they and the claims parameter ask for. */
  scopes: string[];
  claims: string[];
  /** Set when login already happened and only consent is missing. */
  userId?: string;
  loginHint?: string;
  uiLocales?: string[];
  acrValues?: string[];
}

/** The host's decision for a paused request. */
export type InteractionResult =
  | {
      login?: { userId: string; acr?: string; amr?: string[] };
      /** Scopes the user granted; defaults to everything requested. */
      consent?: { scopes?: string[] };
    }
  | {
      error: 'access_denied' | 'login_required' | 'consent_required' | 'interaction_required';
      description?: string;
    };

export async function interactionDetails(
  _ctx: ProviderContext,
  _request: Request,
  _id: string,
): Promise<InteractionDetails> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function completeInteraction(
  _ctx: ProviderContext,
  _request: Request,
  _id: string,
  _result: InteractionResult,
): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}
