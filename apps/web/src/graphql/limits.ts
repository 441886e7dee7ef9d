/**
 * Bounds on the work one request may ask for, checked before anything executes: selection depth
 * and an estimated cost in which every list multiplies its children by its page size.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../server/pagination';
import type { GraphQLContext } from './context';

/** Deeper selections are refused: the schema has no legitimate use beyond this. */
export const MAX_DEPTH = 8;
/** Estimated fields resolved per request (lists count their page size times their children). */
export const MAX_COST = 5_000;

interface Walk {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** `{ depth, cost }` of a selection set. */
export function measureSelection(
  selection: SelectionSetNode,
  walk: Walk,
  depth = 1,
  seen: ReadonlySet<string> = new Set(),
): { depth: number; cost: number } {
  let maxDepth = depth;
  let cost = 0;
  for (const node of selection.selections) {
    if (node.kind === Kind.FIELD) {
      cost += 1;
      if (node.selectionSet) {
        const inner = measureSelection(node.selectionSet, walk, depth + 1, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost * multiplier(node, walk);
      }
    } else {
      const set =
        node.kind === Kind.INLINE_FRAGMENT
          ? node.selectionSet
          : seen.has(node.name.value)
            ? undefined // a fragment cycle is a validation error; do not loop on it here
            : walk.fragments[node.name.value]?.selectionSet;
      if (!set) continue;
      const next = node.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, node.name.value]) : seen;
      const inner = measureSelection(set, walk, depth, next);
      maxDepth = Math.max(maxDepth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth: maxDepth, cost };
}

// A field with a `first` argument returns up to that many items.
function multiplier(field: FieldNode, walk: Walk): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) return 1;
  const value = argumentValue(first.value, walk.variables);
  return typeof value === 'number' && value > 0 ? value : DEFAULT_PAGE_SIZE;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** Rejects over-deep or over-costly operations with QUERY_TOO_COMPLEX. */
export function limitsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const { depth, cost } = measureSelection(operation.selectionSet, {
            fragments,
            variables: request.variables ?? {},
          });
          if (depth > MAX_DEPTH || cost > MAX_COST) {
            throw new GraphQLError(
              `The operation is too complex (depth ${depth} of at most ${MAX_DEPTH}, cost ${cost} of at most ${MAX_COST})`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
