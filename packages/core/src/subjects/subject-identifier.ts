/**
 * Subject identifiers (OIDC Core 8). The hash-based factory keeps pyOP's formulas and test
 * vectors: public = hex SHA-256(userId + salt), pairwise = hex SHA-256(sector + userId + salt).
 */
import { createHash } from 'node:crypto';
import type { ClientMetadata, SubjectType, UserRecord } from '../types.js';

export interface SubjectIdentifierFactory {
  createPublicIdentifier(userId: string): string;
  createPairwiseIdentifier(userId: string, sectorIdentifier: string): string;
}

export class HashBasedSubjectIdentifierFactory implements SubjectIdentifierFactory {
  constructor(private readonly salt: string) {
    if (!salt) throw new TypeError('A subject identifier salt is required');
  }

  createPublicIdentifier(userId: string): string {
    return sha256Hex(userId + this.salt);
  }

  createPairwiseIdentifier(userId: string, sectorIdentifier: string): string {
    if (!sectorIdentifier) throw new TypeError('sector_identifier cannot be empty');
    return sha256Hex(sectorIdentifier + userId + this.salt);
  }
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * The sector of a client (OIDC Core 8.1): the host of its `sector_identifier_uri`, else the single
 * host of its registered redirect URIs. Registration rejects pairwise clients with several
 * redirect hosts and no sector URI, so the sector never depends on the request (unlike pyOP).
 */
export function sectorIdentifierOf(
  metadata: Pick<ClientMetadata, 'sector_identifier_uri' | 'redirect_uris'>,
): string {
  const source = metadata.sector_identifier_uri ?? metadata.redirect_uris[0];
  if (!source)
    throw new TypeError('A pairwise client needs a redirect URI or a sector_identifier_uri');
  return new URL(source).hostname;
}

/**
 * The `sub` of `user` at a client: a custom `sub` claim wins, as in pyOP; otherwise the client's
 * `subject_type`, defaulting to the tenant's first supported type. Every place that needs a
 * user's subject asks here, so the ID token, userinfo and logout tokens always agree.
 */
export function subjectFor(
  source: { subjects: SubjectIdentifierFactory; settings: { subjectTypes: SubjectType[] } },
  user: Pick<UserRecord, 'id' | 'claims'>,
  metadata: Pick<ClientMetadata, 'sector_identifier_uri' | 'redirect_uris' | 'subject_type'>,
): string {
  if (typeof user.claims.sub === 'string' && user.claims.sub) return user.claims.sub;
  const type = metadata.subject_type ?? source.settings.subjectTypes[0] ?? 'public';
  return type === 'pairwise'
    ? source.subjects.createPairwiseIdentifier(user.id, sectorIdentifierOf(metadata))
    : source.subjects.createPublicIdentifier(user.id);
}
