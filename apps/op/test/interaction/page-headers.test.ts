import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy, tenantPageOf } from '../../src/http/page-headers';

describe('Security headers and page recognition for tenant pages', () => {
  it('allows scripts only from our origin and with the nonce, and forbids framing', () => {
    const policy = pageContentSecurityPolicy('bm9uY2U=');
    expect(policy).toContain("script-src 'self' 'nonce-bm9uY2U='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("img-src 'self' data: https:");
    // Chrome applies form-action to the redirect to the relying party after a post.
    expect(policy).not.toContain('form-action');
  });

  it('recognises the interaction, logged-out and error pages of a tenant', () => {
    expect(tenantPageOf('/acme/interaction/abc_DEF-1/login')).toEqual({
      kind: 'interaction',
      interactionId: 'abc_DEF-1',
    });
    expect(tenantPageOf('/acme/interaction/abc/consent')?.kind).toBe('interaction');
    expect(tenantPageOf('/acme/interaction/abc/logout')?.kind).toBe('interaction');
    expect(tenantPageOf('/acme/logged-out')).toEqual({ kind: 'logged-out' });
    expect(tenantPageOf('/acme/error')).toEqual({ kind: 'error' });
  });

  it('leaves any other path to Next without loading page data', () => {
    for (const path of [
      '/acme',
      '/acme/interaction/abc',
      '/acme/interaction/abc/other',
      '/acme/interaction/abc/login/more',
      '/acme/interaction/a%20b/login',
      '/acme/error/more',
      '/acme/something',
    ]) {
      expect(tenantPageOf(path)).toBeUndefined();
    }
  });
});
