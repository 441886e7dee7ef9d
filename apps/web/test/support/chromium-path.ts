/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. No vitest import: global setup reads it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
