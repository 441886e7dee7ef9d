/**
 * Dynamic client registration (RFC 7591, OIDC Registration 1.0) at POST /register, and client
 * management (RFC 7592) at GET/PUT/DELETE /register/{client_id}. Token problems are answered
 * with Bearer challenges (realm "registration"), metadata problems with RFC 7591 3.2.2 errors.
 */
import type { ProviderContext } from '../context.js';
import { BearerTokenError, InvalidClientRegistrationRequest, OAuthError } from '../errors.js';
import { asOAuthError, bearerErrorResponse, jsonErrorResponse } from '../http/errors.js';
import { readJsonObject } from '../http/request.js';
import { jsonResponse, NO_STORE } from '../http/response.js';
import {
  deleteClientConfiguration,
  updateClientConfiguration,
} from '../registration/client-configuration.js';
import { clientInformation } from '../registration/client-information.js';
import { registerClient } from '../registration/register-client.js';
import {
  assertRegistrationEnabled,
  authenticateRegistrationAccess,
  checkInitialAccessToken,
} from '../registration/registration-access.js';

function readMetadata(request: Request): Promise<Record<string, unknown>> {
  return readJsonObject(
    request,
    (description) => new InvalidClientRegistrationRequest(description),
  );
}

/** Registers a client; returns the client information response body (RFC 7591 3.2.1). */
export async function processRegistrationRequest(
  ctx: ProviderContext,
  request: Request,
): Promise<Record<string, unknown>> {
  assertRegistrationEnabled(ctx);
  await checkInitialAccessToken(ctx, request);
  return registerClient(ctx, await readMetadata(request));
}

/** POST /register: 201 with the client information. */
export async function handleRegistration(
  ctx: ProviderContext,
  request: Request,
): Promise<Response> {
  try {
    return jsonResponse(await processRegistrationRequest(ctx, request), 201);
  } catch (error) {
    return registrationErrorResponse(ctx, error);
  }
}

/** GET, PUT or DELETE /register/{client_id} with the registration access token (RFC 7592 2). */
export async function handleClientConfiguration(
  ctx: ProviderContext,
  request: Request,
  clientId: string,
): Promise<Response> {
  try {
    assertRegistrationEnabled(ctx);
    const record = await authenticateRegistrationAccess(ctx, request, clientId);
    switch (request.method) {
      case 'GET':
        return jsonResponse(clientInformation(ctx, record));
      case 'PUT':
        return jsonResponse(
          await updateClientConfiguration(ctx, record, await readMetadata(request)),
        );
      case 'DELETE':
        await deleteClientConfiguration(ctx, record);
        return new Response(null, { status: 204, headers: NO_STORE });
      default:
        throw new OAuthError('invalid_request', `Method ${request.method} is not allowed here`, {
          status: 405,
        });
    }
  } catch (error) {
    return registrationErrorResponse(ctx, error);
  }
}

function registrationErrorResponse(ctx: ProviderContext, error: unknown): Response {
  const oauthError = asOAuthError(error, ctx.logger);
  if (oauthError.status !== 401) return jsonErrorResponse(oauthError);
  return bearerErrorResponse(oauthError, !(oauthError instanceof BearerTokenError), 'registration');
}
