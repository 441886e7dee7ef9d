/**
 * The operators' command line: `npm run tessera -- <command> [options] [--json]`.
 * Every command calls the same service functions as the GraphQL API, as the `cli` principal.
 */
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
