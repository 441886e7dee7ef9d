import type { ReactNode } from 'react';

/** The heading of a screen with its primary actions on the right. */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.description && <p className="page-description">{props.description}</p>}
      </div>
      {props.actions && <div className="page-actions">{props.actions}</div>}
    </header>
  );
}

/** A titled card grouping one form or list on a screen. */
export function Section(props: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="section" aria-label={props.title}>
      <header className="section-header">
        <div>
          <h2>{props.title}</h2>
          {props.description && <p className="section-description">{props.description}</p>}
        </div>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}
