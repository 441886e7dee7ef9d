/** Every console screen: signed-in operators only, inside the console shell. */
import type { ReactNode } from 'react';
import { requireConsoleSession } from '../../src/next/console-session';
import { ConsoleShell } from '../../src/ui/shell/console-shell';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout(props: { children: ReactNode }) {
  await requireConsoleSession();
  return <ConsoleShell>{props.children}</ConsoleShell>;
}
