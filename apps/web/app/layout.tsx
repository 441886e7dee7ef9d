import type { ReactNode } from 'react';
import '../src/ui/console.css';

export const metadata = { title: { default: 'Tessera console', template: '%s · Tessera' } };
export const viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
