/**
 * What the API shows of a client: its registered metadata and when it was issued. Never the
 * secret or its hash: a secret is shown once, in the payload of the call that issued it.
 */
import type { ClientMetadata } from '@tessera/core';

export interface ClientView {
  tenantId: string;
  clientId: string;
  /** Every registered metadata field (RFC 7591 / OIDC Registration names), defaults applied. */
  metadata: ClientMetadata;
  /** Whether the client holds a secret (its method authenticates with one). */
  hasSecret: boolean;
  issuedAt: Date;
  updatedAt: Date;
}

/** The columns a view needs; the secret columns are left in the database. */
export const CLIENT_VIEW_SELECT = {
  tenantId: true,
  clientId: true,
  metadata: true,
  clientSecretHash: true,
  issuedAt: true,
  updatedAt: true,
} as const;

type ClientRow = {
  tenantId: string;
  clientId: string;
  metadata: unknown;
  clientSecretHash: string | null;
  issuedAt: Date;
  updatedAt: Date;
};

export function clientView(row: ClientRow): ClientView {
  return {
    tenantId: row.tenantId,
    clientId: row.clientId,
    metadata: row.metadata as ClientMetadata,
    hasSecret: row.clientSecretHash !== null,
    issuedAt: row.issuedAt,
    updatedAt: row.updatedAt,
  };
}

/** A client with a secret issued by this very call, to be shown once. */
export interface ClientWithSecret {
  client: ClientView;
  clientSecret: string;
}
