'use client';
/**
 * A modal question before a destructive action, on the native <dialog> (focus is trapped and
 * Escape cancels). With `confirmText`, the confirm button stays disabled until that text (a
 * tenant's slug, say) is typed.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Button } from './button';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Text the person must type to confirm. */
  confirmText?: string;
  danger?: boolean;
  pending?: boolean;
  /** Shown inside the dialog (an ErrorNotice, typically). */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const inputId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      setTyped('');
      dialog.showModal();
    } else if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  const confirmed = props.confirmText === undefined || typed === props.confirmText;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) props.onConfirm();
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        {props.confirmText !== undefined && (
          <div className="field">
            <label htmlFor={inputId}>
              Type <code>{props.confirmText}</code> to confirm
            </label>
            <input
              id={inputId}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        )}
        {props.error}
        <div className="dialog-actions">
          <Button onClick={props.onCancel}>Cancel</Button>
          <Button
            type="submit"
            variant={props.danger ? 'danger' : 'primary'}
            disabled={!confirmed}
            pending={props.pending}
          >
            {props.confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
