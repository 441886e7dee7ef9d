/**
 * A tenant's look, from its validated branding: the colours of its pages and a text colour for
 * each surface chosen by WCAG contrast ratio, so a tenant's choice of colour cannot make a
 * button or its name unreadable. apps/op renders its pages with it and the console's branding
 * preview shows the same colours. No Node or DOM APIs: it runs in browsers too.
 */

/** The branding fields a theme uses (a tenant's validated settings, or a form being typed). */
export interface ThemeBranding {
  displayName?: string | undefined;
  logoUrl?: string | undefined;
  /** `#rrggbb` */
  primaryColor?: string | undefined;
  /** `#rrggbb` */
  backgroundColor?: string | undefined;
}

/** Tessera's own colours, for tenants that set none. */
export const DEFAULT_PRIMARY = '#1d4ed8';
export const DEFAULT_BACKGROUND = '#f3f4f6';
const BLACK = '#000000';
const WHITE = '#ffffff';
/** Text on the (always white) card. */
const CARD_TEXT = '#1f2933';
/** WCAG 2.x AA for normal text. */
const MIN_TEXT_CONTRAST = 4.5;

export interface Theme {
  displayName: string;
  logoUrl?: string;
  primary: string;
  /** Text on `primary`: black or white, whichever contrasts more. */
  onPrimary: string;
  background: string;
  /** Text on `background`: black or white, whichever contrasts more. */
  onBackground: string;
  /** Links on the card: the primary colour when it is readable on white, else the text colour. */
  link: string;
}

/**
 * @example themeFor('Acme', { primaryColor: '#ffcc00' }).onPrimary // '#000000'
 */
export function themeFor(tenantName: string, branding: ThemeBranding | undefined): Theme {
  const primary = (branding?.primaryColor ?? DEFAULT_PRIMARY).toLowerCase();
  const background = (branding?.backgroundColor ?? DEFAULT_BACKGROUND).toLowerCase();
  return {
    displayName: branding?.displayName ?? tenantName,
    ...(branding?.logoUrl && { logoUrl: branding.logoUrl }),
    primary,
    onPrimary: readableTextOn(primary),
    background,
    onBackground: readableTextOn(background),
    link: contrastRatio(primary, WHITE) >= MIN_TEXT_CONTRAST ? primary : CARD_TEXT,
  };
}

/** Black or white, whichever has the higher contrast ratio against `color` (`#rrggbb`). */
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

/** WCAG 2.x relative luminance of an sRGB `#rrggbb` colour. */
export function relativeLuminance(color: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(color.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * The theme as CSS custom properties for a page's style attribute (values are validated
 * `#rrggbb`, so they are safe there).
 *
 * @example <div style={themeProperties(theme)}>
 */
export function themeProperties(theme: Theme): Record<string, string> {
  return {
    '--primary': theme.primary,
    '--on-primary': theme.onPrimary,
    '--background': theme.background,
    '--on-background': theme.onBackground,
    '--link': theme.link,
  };
}
