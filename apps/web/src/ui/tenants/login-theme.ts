/**
 * The colours of a tenant's login page while its branding is typed: apps/op's own theme
 * (`@tessera/core/branding`), with half-typed colours (not yet `#rrggbb`) left at the defaults,
 * as apps/op would show them.
 */
import { type Theme, themeFor } from '@tessera/core/branding';

export { DEFAULT_BACKGROUND, DEFAULT_PRIMARY, themeProperties } from '@tessera/core/branding';

export const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

/** @example loginTheme('#ffcc00', '#12').onPrimary // '#000000' */
export function loginTheme(primaryColor: string, backgroundColor: string): Theme {
  const valid = (color: string) => (COLOR_PATTERN.test(color) ? color : undefined);
  return themeFor('', {
    primaryColor: valid(primaryColor),
    backgroundColor: valid(backgroundColor),
  });
}
