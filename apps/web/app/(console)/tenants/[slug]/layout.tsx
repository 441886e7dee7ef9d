import type { ReactNode } from 'react';
import { TenantFrame } from '../../../../src/ui/shell/tenant-frame';

export default async function TenantLayout(props: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await props.params;
  return <TenantFrame slug={slug}>{props.children}</TenantFrame>;
}
