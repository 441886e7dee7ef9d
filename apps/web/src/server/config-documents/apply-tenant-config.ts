import type { ServiceDeps } from '../../graphql/context';
import { fieldErrorsOf, validationFailed } from '../errors';
import type { Principal } from '../principal';
import { domainProblem } from '../tenants/domain-name';
import { applyClients } from './apply-clients';
import { applyDefinitions } from './apply-definitions';
import { applyDomains } from './apply-domains';
import type { ApplyRun } from './apply-run';
import { applySettings, targetSettings } from './apply-settings';
import { applyTenantRow } from './apply-tenant-row';
import type { ConfigChange } from './config-change';
import { type TenantConfigDocument, tenantConfigDocumentSchema } from './document-schema';

export interface ApplyTenantConfigOptions {
  deps: ServiceDeps;
  principal: Principal;
  /** A parsed JSON or YAML document (see document-schema.ts). */
  document: unknown;
  /** Delete domains, claims, scopes and clients a present section does not list. */
  prune?: boolean;
  /** Told of each change as it is made (the CLI prints them as they happen). */
  onChange?: (change: ConfigChange) => void;
}

export interface AppliedTenantConfig {
  tenant: { id: string; slug: string };
  /** Empty when the tenant already matched the document: nothing was written or audited. */
  changes: ConfigChange[];
}

/**
 * Brings a tenant to a configuration document: creates the tenant when missing, then its
 * settings, domains, claims, scopes and clients, each through its own service (so every
 * change is validated, audited and bumps `configVersion` as any API call would). Only what
 * differs is written: applying the same document twice changes nothing the second time.
 * Invalid documents are refused before anything is written where the document alone shows it
 * (structure, settings, domains); errors name document paths (`clients.2.metadata.redirect_uris`).
 *
 * @example
 * const { changes } = await applyTenantConfig({ deps, principal, document: YAML.parse(text) });
 */
export async function applyTenantConfig(
  options: ApplyTenantConfigOptions,
): Promise<AppliedTenantConfig> {
  const { deps, principal } = options;
  const document = checkedDocument(options.document, deps.opPublicUrl);
  const changes: ConfigChange[] = [];
  const record = (change: ConfigChange) => {
    changes.push(change);
    options.onChange?.(change);
  };
  const tenant = await applyTenantRow({ deps, principal }, document.tenant, record);
  const run: ApplyRun = {
    deps,
    principal,
    document,
    prune: options.prune ?? false,
    tenant,
    record,
  };
  await applySettings(run);
  await applyDomains(run);
  await applyDefinitions(run);
  await applyClients(run);
  return { tenant: { id: run.tenant.id, slug: run.tenant.slug }, changes };
}

/** The parsed document, or VALIDATION_FAILED naming every problem the document alone shows. */
function checkedDocument(input: unknown, opPublicUrl: string): TenantConfigDocument {
  const parsed = tenantConfigDocumentSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues));
  const document = parsed.data;
  if (document.settings !== undefined) targetSettings(document.settings);
  const platformHost = new URL(opPublicUrl).hostname;
  const domainProblems = (document.domains ?? []).flatMap((domain, index) => {
    const problem = domainProblem(domain, platformHost);
    return problem ? [{ path: `domains.${index}`, message: `The domain ${problem}` }] : [];
  });
  if (domainProblems.length > 0) throw validationFailed(domainProblems);
  return document;
}
