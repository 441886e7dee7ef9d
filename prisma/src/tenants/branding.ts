/**
 * How a tenant's login pages look. Every value ends up in HTML or CSS of pages that ask for
 * passwords, so each is narrowed to a shape that cannot carry markup, script or a tracking
 * request over plain HTTP.
 */
import { z } from 'zod';

/** An inline logo is loaded with every provider build and every login page; 64 KiB bounds both. */
export const MAX_LOGO_URL_LENGTH = 64 * 1024;

/** `#rrggbb` only: safe to write into a style attribute or a CSS custom property as is. */
const cssColor = z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'must be a #rrggbb colour' });

/** https (no mixed content, no `javascript:`) or an inline `data:image/...` logo. */
const logoUrl = z
  .string()
  .max(MAX_LOGO_URL_LENGTH)
  .refine(isLogoUrl, { error: 'must be an https: URL or a data:image/ URL' });

function isLogoUrl(value: string): boolean {
  if (value.startsWith('data:')) return /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/.test(value);
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export const brandingSchema = z
  .object({
    logoUrl: logoUrl.optional(),
    primaryColor: cssColor.optional(),
    backgroundColor: cssColor.optional(),
    /** Shown instead of the tenant's name on its pages. */
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .prefault({});

export type Branding = z.infer<typeof brandingSchema>;
