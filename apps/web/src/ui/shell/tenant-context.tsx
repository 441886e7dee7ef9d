'use client';
import { createContext, type ReactNode, useContext } from 'react';
import type { TenantSummary } from './operations';

export interface TenantContextValue {
  tenant: TenantSummary;
  /** Reloads the tenant (after a rename, a status change, a new domain). */
  refetch: () => Promise<void>;
}

const TenantContext = createContext<TenantContextValue | undefined>(undefined);

export function TenantProvider(props: { value: TenantContextValue; children: ReactNode }) {
  return <TenantContext.Provider value={props.value}>{props.children}</TenantContext.Provider>;
}

/** The tenant of the current `/tenants/[slug]/...` screen. */
export function useTenant(): TenantContextValue {
  const value = useContext(TenantContext);
  if (!value) throw new Error('useTenant is for screens under /tenants/[slug]');
  return value;
}
