/**
 * The admin API's schema: one file per domain registers its types and fields on the builder.
 * Importing a domain file is what adds it.
 */
import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
import './activity';
import './audit';
import './claims';
import './clients';
import './initial-access-tokens';
import './keys';
import './me';
import './platform';
import './tenants';
import './users';

/** @example const schema = buildSchema(); */
export function buildSchema(): GraphQLSchema {
  return builder.toSchema({ sortSchema: true });
}
