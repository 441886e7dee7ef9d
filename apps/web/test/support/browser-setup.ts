/**
 * Global setup of the browser project: both apps built (as for the e2e project), and Debian's
 * Chromium present. Without it the suite fails in CI, and elsewhere says how to install it.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium-path';
import buildBoth from './global-setup';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The console's browser tests need Chromium at ${CHROMIUM_PATH}: install Debian's package ` +
        '(apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  buildBoth();
}
