'use client';
/** Loading, empty and error states, sized so content does not jump when data arrives. */
import type { ReactNode } from 'react';
import { ApiError, describeError } from '../graphql/api-error';

/** An error from the API, said for people; field errors are listed when no field shows them. */
export function ErrorNotice(props: {
  error: unknown;
  listFieldErrors?: boolean;
  retry?: () => void;
}) {
  if (!props.error) return null;
  const fieldErrors =
    props.listFieldErrors && props.error instanceof ApiError ? props.error.fieldErrors : [];
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeError(props.error)}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((fieldError) => (
            <li key={`${fieldError.path}:${fieldError.message}`}>
              <code>{fieldError.path}</code>: {fieldError.message}
            </li>
          ))}
        </ul>
      )}
      {props.retry && (
        <button type="button" className="button button-secondary" onClick={props.retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** @example <EmptyState title="No clients yet">Create one to let an application sign users in.</EmptyState> */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{props.title}</p>
      {props.children && <p>{props.children}</p>}
      {props.action}
    </div>
  );
}

/** Grey bars in the shape of what is loading; `rows` bars of one line each. */
export function Skeleton(props: { rows?: number; label?: string }) {
  const rows = props.rows ?? 3;
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{props.label ?? 'Loading…'}</span>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity.
        <span key={index} className="skeleton-row" />
      ))}
    </div>
  );
}
