import type { ReactNode } from 'react';
import { pageLocale } from '../src/ui/load-page';
import './globals.css';

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The tenant pages pick their language per request (ui_locales, Accept-Language, tenant).
  const lang = await pageLocale();
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}
