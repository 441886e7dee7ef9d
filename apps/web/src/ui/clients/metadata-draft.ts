/**
 * The editable part of a client's registration metadata as form state, and back. Saving starts
 * from the complete stored metadata and overwrites only these fields, because `updateClient`
 * replaces everything: a field the form does not show (logo_uri, contacts, an extension) stays.
 */
import { parseLines } from './app-types';
import type { ClientMetadata } from './operations';

export interface MetadataDraft {
  clientName: string;
  applicationType: string;
  /** One URI per line. */
  redirectUris: string;
  postLogoutRedirectUris: string;
  scope: string;
  grantTypes: string[];
  responseTypes: string[];
  tokenEndpointAuthMethod: string;
  idTokenSignedResponseAlg: string;
  /** Empty: the tenant's default. */
  subjectType: string;
}

const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export function draftFromMetadata(metadata: ClientMetadata): MetadataDraft {
  return {
    clientName: stringOf(metadata.client_name),
    applicationType: stringOf(metadata.application_type) || 'web',
    redirectUris: listOf(metadata.redirect_uris).join('\n'),
    postLogoutRedirectUris: listOf(metadata.post_logout_redirect_uris).join('\n'),
    scope: stringOf(metadata.scope),
    grantTypes: listOf(metadata.grant_types),
    responseTypes: listOf(metadata.response_types),
    tokenEndpointAuthMethod: stringOf(metadata.token_endpoint_auth_method) || 'client_secret_basic',
    idTokenSignedResponseAlg: stringOf(metadata.id_token_signed_response_alg) || 'RS256',
    subjectType: stringOf(metadata.subject_type),
  };
}

/** `base` with the draft's fields written over it; empty optional fields are removed. */
export function metadataFromDraft(base: ClientMetadata, draft: MetadataDraft): ClientMetadata {
  const metadata: ClientMetadata = {
    ...base,
    application_type: draft.applicationType,
    redirect_uris: parseLines(draft.redirectUris),
    post_logout_redirect_uris: parseLines(draft.postLogoutRedirectUris),
    grant_types: draft.grantTypes,
    response_types: draft.responseTypes,
    token_endpoint_auth_method: draft.tokenEndpointAuthMethod,
    id_token_signed_response_alg: draft.idTokenSignedResponseAlg,
  };
  setOptional(metadata, 'client_name', draft.clientName.trim());
  setOptional(metadata, 'scope', draft.scope.trim().split(/\s+/).filter(Boolean).join(' '));
  setOptional(metadata, 'subject_type', draft.subjectType);
  const logoutUris = metadata.post_logout_redirect_uris;
  if (Array.isArray(logoutUris) && logoutUris.length === 0)
    delete metadata.post_logout_redirect_uris;
  return metadata;
}

function setOptional(metadata: ClientMetadata, field: string, value: string): void {
  if (value) metadata[field] = value;
  else delete metadata[field];
}
