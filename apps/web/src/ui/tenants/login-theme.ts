/**
 * The colours of a tenant's login page as apps/op computes them (apps/op/src/ui/theme.ts),
 * repeated here because the console may not import apps/op. Keep the two in step; the report of
 * this change proposes moving them into a shared package.
 */

/** apps/op's own colours, for tenants that set none. */
export const DEFAULT_PRIMARY = '#1d4ed8';
export const DEFAULT_BACKGROUND = '#f3f4f6';
const BLACK = '#000000';
const WHITE = '#ffffff';
const CARD_TEXT = '#1f2933';
const MIN_TEXT_CONTRAST = 4.5;

export const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export interface LoginTheme {
  primary: string;
  onPrimary: string;
  background: string;
  onBackground: string;
  link: string;
}

/** Colours that are not `#rrggbb` (half-typed) fall back to the defaults, as apps/op's would. */
export function loginTheme(primaryColor: string, backgroundColor: string): LoginTheme {
  const primary = (COLOR_PATTERN.test(primaryColor) ? primaryColor : DEFAULT_PRIMARY).toLowerCase();
  const background = (
    COLOR_PATTERN.test(backgroundColor) ? backgroundColor : DEFAULT_BACKGROUND
  ).toLowerCase();
  return {
    primary,
    onPrimary: readableTextOn(primary),
    background,
    onBackground: readableTextOn(background),
    link: contrastRatio(primary, WHITE) >= MIN_TEXT_CONTRAST ? primary : CARD_TEXT,
  };
}

export function readableTextOn(color: string): string {
  return contrastRatio(color, BLACK) >= contrastRatio(color, WHITE) ? BLACK : WHITE;
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

function relativeLuminance(color: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(color.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
