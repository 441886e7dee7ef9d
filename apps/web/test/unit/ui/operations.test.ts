/**
 * Every GraphQL operation the console sends (the `gql` documents in src/ui/**\/operations.ts)
 * is valid against the API's schema and has a unique name, so a renamed field or argument
 * fails here rather than in a browser.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema';
import { isOperation } from '../../../src/ui/graphql/document';

// The schema's own copy of graphql (CommonJS, as Pothos loads it), not Vite's ESM one.
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const UI_DIR = fileURLToPath(new URL('../../../src/ui/', import.meta.url));

const files = readdirSync(UI_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('operations.ts'))
  .sort();

async function operationsOf(file: string) {
  const module = (await import(`${UI_DIR}${file}`)) as Record<string, unknown>;
  return Object.entries(module).filter(([, value]) => isOperation(value)) as [
    string,
    { source: string },
  ][];
}

describe('the console operations', () => {
  const schema = buildSchema();

  it('are found in more than one area of the console', () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files)('in %s are valid against the schema', async (file) => {
    const operations = await operationsOf(file);
    expect(operations.length).toBeGreaterThan(0);
    for (const [name, operation] of operations) {
      const errors = validate(schema, parse(operation.source)).map((error) => error.message);
      expect({ name, errors }).toEqual({ name, errors: [] });
    }
  });

  it('have names no two operations share', async () => {
    const names: string[] = [];
    for (const file of files) {
      for (const [, operation] of await operationsOf(file)) {
        const definitions = parse(operation.source).definitions as OperationDefinitionNode[];
        names.push(...definitions.map((definition) => definition.name?.value ?? '(anonymous)'));
      }
    }
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(names).not.toContain('(anonymous)');
  });
});
