'use client';
/** Audit events as table rows: time, actor, action, object, tenant, address, and the details. */
import { Fragment, useState } from 'react';
import { formatDateTime } from '../components/format';
import styles from './audit.module.css';
import type { AuditEvent } from './operations';

export function AuditTable(props: {
  events: AuditEvent[];
  /** Tenant slugs by id; the Tenant column shows only when given. */
  tenantSlugs: Map<string, string> | undefined;
}) {
  const { tenantSlugs } = props;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = tenantSlugs ? 7 : 6;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Object</th>
            {tenantSlugs && <th scope="col">Tenant</th>}
            <th scope="col">IP</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((event) => (
            <Fragment key={event.id}>
              <tr data-action={event.action} data-tenant={event.tenantId ?? ''}>
                <td className={styles.time}>
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                </td>
                <td>
                  <span className="badge">{event.actorType}</span> <code>{event.actorId}</code>
                </td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.objectType}
                  {event.objectId && (
                    <>
                      {' '}
                      <code>{event.objectId}</code>
                    </>
                  )}
                </td>
                {tenantSlugs && (
                  <td className={styles.tenant}>
                    {event.tenantId
                      ? (tenantSlugs.get(event.tenantId) ?? event.tenantId)
                      : 'platform'}
                  </td>
                )}
                <td>{event.ip ?? '—'}</td>
                <td>
                  {event.details === null || event.details === undefined ? (
                    '—'
                  ) : (
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-expanded={open.has(event.id)}
                      aria-controls={`audit-details-${event.id}`}
                      onClick={() => toggle(event.id)}
                    >
                      {open.has(event.id) ? 'Hide' : 'Show'}
                      <span className="visually-hidden"> details of {event.action}</span>
                    </button>
                  )}
                </td>
              </tr>
              {open.has(event.id) && (
                <tr id={`audit-details-${event.id}`} data-details-for={event.id}>
                  <td colSpan={columns} className={styles.details}>
                    <pre>{JSON.stringify(event.details, null, 2)}</pre>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
