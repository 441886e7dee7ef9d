/** `DateTime` (ISO 8601 strings) and `JSON` (any JSON value). */
import { GraphQLError, Kind, type ValueNode } from 'graphql';

export const DateTimeScalar = {
  description: 'An ISO 8601 date and time, e.g. 2026-11-28T12:00:00.000Z',
  serialize: (value: unknown) => {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('DateTime must be a Date');
  },
  parseValue: (value: unknown) => parseDate(value),
  parseLiteral: (node: ValueNode) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
};

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 string', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

export const JSONScalar = {
  description: 'Any JSON value',
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral: (node: ValueNode): unknown => literalValue(node),
};

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalValue(f.value)]));
    default:
      throw new GraphQLError(
        'Variables are not allowed inside JSON literals; pass the value as a variable',
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
  }
}
