'use client';
import { Button } from '../components/button';
import styles from './claims.module.css';

/** Edit and Delete for one definition row, named for screen readers ("Edit claim locale"). */
export function RowActions(props: { label: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <div className={styles.rowActions}>
      <Button className="button-small" onClick={props.onEdit} aria-label={`Edit ${props.label}`}>
        Edit
      </Button>
      <Button
        variant="danger"
        className="button-small"
        onClick={props.onDelete}
        aria-label={`Delete ${props.label}`}
      >
        Delete
      </Button>
    </div>
  );
}
