/** Every command of the CLI, in the order `tessera help` lists them. */
import type { Command } from '../command';
import { applyCommand } from './apply';
import { createApiClientCommand } from './create-api-client';
import { createClientCommand } from './create-client';
import { createOperatorCommand } from './create-operator';
import { createTenantCommand } from './create-tenant';
import { createUserCommand } from './create-user';
import { exportCommand } from './export';
import { rotateKeysCommand } from './rotate-keys';

export const COMMANDS: readonly Command[] = [
  createOperatorCommand,
  createApiClientCommand,
  createTenantCommand,
  createUserCommand,
  createClientCommand,
  rotateKeysCommand,
  applyCommand,
  exportCommand,
];
