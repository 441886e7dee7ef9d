'use client';
import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from './operations';

const MeContext = createContext<Me | undefined>(undefined);

export function MeProvider(props: { me: Me | undefined; children: ReactNode }) {
  return <MeContext.Provider value={props.me}>{props.children}</MeContext.Provider>;
}

/** The signed-in operator (undefined while it loads): gates operator-only actions in the UI. */
export function useMe(): Me | undefined {
  return useContext(MeContext);
}
