/**
 * The schema builder (Pothos, code-first): every domain adds its types and fields in its own
 * file under `schema/`, and resolvers are type-checked against the types they return.
 */
import SchemaBuilder, { type ObjectRef } from '@pothos/core';
import type { Page } from '../server/pagination';
import type { GraphQLContext } from './context';
import { DateTimeScalar, JSONScalar } from './scalars';

type Types = PothosSchemaTypes.ExtendDefaultTypes<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>;

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({ defaultFieldNullability: false });

builder.scalarType('DateTime', DateTimeScalar);
builder.scalarType('JSON', JSONScalar);

builder.queryType({});
builder.mutationType({});

/** `pageInfo` of every connection. */
export const PageInfoRef = builder
  .objectRef<{ endCursor: string | null; hasNextPage: boolean }>('PageInfo')
  .implement({
    fields: (t) => ({
      endCursor: t.exposeString('endCursor', { nullable: true }),
      hasNextPage: t.exposeBoolean('hasNextPage'),
    }),
  });

/**
 * A connection type `<Name>Connection { nodes, pageInfo, totalCount }` for `node`. Lists take
 * `first` (1 to 100) and `after` (a previous `endCursor`).
 *
 * @example const TenantConnection = connectionOf('Tenant', TenantRef);
 */
export function connectionOf<T>(name: string, node: ObjectRef<Types, T>) {
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      nodes: t.field({ type: [node], resolve: (page) => page.nodes }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (page) => page.pageInfo }),
      totalCount: t.int({ nullable: true, resolve: (page) => page.totalCount ?? null }),
    }),
  });
}
