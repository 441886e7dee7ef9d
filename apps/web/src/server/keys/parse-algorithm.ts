import type { SigningAlgorithm } from '@tessera/core';
import { validationFailed } from '../errors';
import { SIGNING_ALGORITHMS } from './key-store';

/** @example const alg = parseAlgorithm(options.alg); // or VALIDATION_FAILED on `alg` */
export function parseAlgorithm(alg: string): SigningAlgorithm {
  if (!(SIGNING_ALGORITHMS as readonly string[]).includes(alg)) {
    throw validationFailed([
      { path: 'alg', message: `must be one of ${SIGNING_ALGORITHMS.join(', ')}` },
    ]);
  }
  return alg as SigningAlgorithm;
}
