/**
 * The interaction contract: the core decides and resumes, the host renders. A paused request
 * is read with `interactionDetails` (to draw the login or consent page) and resumed with
 * `completeInteraction` (after the host authenticated the user or recorded a decision).
 */
import { claimsForScopes, scopeClaimMap } from '../claims/scopes.js';
import type { ProviderContext } from '../context.js';
import { loadInteraction } from '../sessions/interaction-binding.js';
import type { InteractionPrompt } from '../storage/ports.js';
import type { ClientRecord } from '../types.js';
import { requestedClaimNames } from './decide-prompt.js';
import { parseAuthenticationRequest } from './parse-request.js';

export { completeInteraction, type InteractionResult } from './complete-interaction.js';

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

/**
 * Reads a paused request for the host's page. Throws `invalid_request` for an unknown or
 * expired interaction or one started in another browser.
 *
 * @example
 * const details = await provider.interactionDetails(request, id);
 * if (details.prompt === 'login') return renderLogin(details);
 */
export async function interactionDetails(
  ctx: ProviderContext,
  request: Request,
  id: string,
): Promise<InteractionDetails> {
  const record = await loadInteraction(ctx, request, id);
  const client = record.clientId ? await ctx.stores.clients.get(record.clientId) : undefined;
  const details: InteractionDetails = {
    id,
    prompt: record.prompt,
    client: client && clientDisplay(client),
    scopes: [],
    claims: [],
    userId: record.login?.userId,
  };
  if (record.prompt === 'logout') return details;
  // Re-validated rather than read raw: the scopes shown must be those that can be granted.
  const authRequest = await parseAuthenticationRequest(ctx, new Map(Object.entries(record.params)));
  details.scopes = authRequest.scope;
  const claims = claimsForScopes(authRequest.scope, scopeClaimMap(ctx.settings.extraScopes));
  for (const name of requestedClaimNames(authRequest)) claims.add(name);
  details.claims = [...claims];
  details.loginHint = authRequest.loginHint;
  details.uiLocales = authRequest.uiLocales;
  details.acrValues = authRequest.acrValues;
  return details;
}

function clientDisplay(client: ClientRecord): NonNullable<InteractionDetails['client']> {
  const m = client.metadata;
  return {
    clientId: client.clientId,
    name: m.client_name,
    logoUri: m.logo_uri,
    clientUri: m.client_uri,
    policyUri: m.policy_uri,
    tosUri: m.tos_uri,
  };
}
