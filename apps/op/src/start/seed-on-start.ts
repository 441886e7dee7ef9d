/**
 * First start: the `admin` tenant with the first operator, and outside production the `demo`
 * tenant. Idempotent; later starts find both and print nothing secret.
 */
import type { OpRuntime } from '../runtime';
import { type SeedResult, seedPlatform } from '../seed/seed-platform';

/** @example printSeedResult(await seedOnFirstStart(runtime), runtime.env.publicUrl); */
export function seedOnFirstStart(runtime: OpRuntime): Promise<SeedResult> {
  const { env } = runtime;
  return seedPlatform({
    db: runtime.database.prisma,
    secretBox: runtime.secretBox,
    publicUrl: env.publicUrl,
    adminEmail: env.adminEmail,
    adminPassword: env.adminPassword,
    demo: !env.production,
  });
}

/**
 * Tells the operator what was created. Credentials appear here once, on the console, never in
 * the JSON logs.
 */
export function printSeedResult(result: SeedResult, publicUrl: string): void {
  const lines = [`Tessera OP: ${publicUrl}`];
  if (result.admin) {
    lines.push(
      '',
      `Created the admin tenant: ${result.admin.issuer}`,
      `  operator login: ${result.admin.login}`,
    );
    if (result.admin.password) {
      lines.push(`  one-time password (shown once, change it): ${result.admin.password}`);
    }
  }
  if (result.demo) {
    lines.push(
      '',
      `Created the demo tenant: ${result.demo.issuer}`,
      `  discovery: ${result.demo.issuer}/.well-known/openid-configuration`,
      `  user: ${result.demo.login} / ${result.demo.password}`,
      `  client: ${result.demo.clientId} (secret, shown once: ${result.demo.clientSecret})`,
    );
  }
  console.log(lines.join('\n'));
}
