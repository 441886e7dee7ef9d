'use client';
/**
 * The frame of every console screen: a skip link, the top bar (product, who is signed in, sign
 * out), the main navigation and the toast area. On narrow screens the navigation folds into the
 * top bar.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import { ToastProvider } from '../components/toast';
import { useQuery } from '../graphql/hooks';
import { MeProvider } from './me-context';
import { ME } from './operations';

const NAV = [
  {
    href: '/',
    label: 'Tenants',
    match: (path: string) => path === '/' || path.startsWith('/tenants'),
  },
  { href: '/audit', label: 'Audit log', match: (path: string) => path.startsWith('/audit') },
] as const;

export function ConsoleShell(props: { children: ReactNode }) {
  const pathname = usePathname();
  const { data } = useQuery(ME, {});
  const me = data?.me;
  return (
    <MeProvider me={me}>
      <ToastProvider>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <div className="console">
          <header className="topbar">
            <Link href="/" className="topbar-brand">
              Tessera
            </Link>
            <nav className="topbar-nav" aria-label="Main">
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={item.match(pathname) ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="topbar-user">
              <span className="topbar-user-name" data-testid="signed-in-as">
                {me ? (
                  <>
                    {me.name}
                    <span className="badge">
                      {me.platformOperator ? 'Platform operator' : 'Tenant admin'}
                    </span>
                  </>
                ) : (
                  '\u00a0'
                )}
              </span>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => void signOut({ callbackUrl: '/signin' })}
              >
                Sign out
              </button>
            </div>
          </header>
          <main id="content" className="content" tabIndex={-1}>
            {props.children}
          </main>
        </div>
      </ToastProvider>
    </MeProvider>
  );
}
