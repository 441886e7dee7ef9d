/**
 * How a Next page gets its data: the view server.ts loaded before the render (found by the key
 * in PAGE_DATA_HEADER), or, without the custom server (`next dev` alone), loaded here through
 * the runtime. Cached per render, so the layout and the page share one load.
 */
import { headers } from 'next/headers';
import { cache } from 'react';
import { opRuntime } from '../next/op-runtime';
import { PAGE_DATA_HEADER, type PageView } from './page-view';

/** @example const view = await loadPage('acme', interactionId); if (!view) notFound(); */
export const loadPage = cache(
  async (slug: string, interactionId?: string): Promise<PageView | undefined> => {
    const requestHeaders = await headers();
    const runtime = await opRuntime();
    const key = requestHeaders.get(PAGE_DATA_HEADER);
    const handed = key ? runtime.pages.handoff.get(key) : undefined;
    if (handed && handed.tenantSlug === slug && handed.interactionId === interactionId) {
      return handed;
    }
    return runtime.pages.loadBySlug({
      slug,
      host: requestHeaders.get('host') ?? undefined,
      cookie: requestHeaders.get('cookie') ?? undefined,
      acceptLanguage: requestHeaders.get('accept-language') ?? undefined,
      ...(interactionId !== undefined && { interactionId }),
    });
  },
);

/** The language of the page being rendered, for `<html lang>`; English when it has no data. */
export async function pageLocale(): Promise<string> {
  const key = (await headers()).get(PAGE_DATA_HEADER);
  if (!key) return 'en';
  return (await opRuntime()).pages.handoff.get(key)?.locale ?? 'en';
}
