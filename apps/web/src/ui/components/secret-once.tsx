'use client';
import { CopyButton } from './copy-button';

/** A secret the API returned once (client secret, token, password): shown with a warning. */
export function SecretOnce(props: { label: string; value: string; onDone?: () => void }) {
  return (
    <div className="notice notice-secret" role="status">
      <p>
        <strong>{props.label}</strong>: copy it now. It is stored only as a hash and will not be
        shown again.
      </p>
      <div className="copyable">
        <code className="copyable-value" data-testid="one-time-secret">
          {props.value}
        </code>
        <CopyButton value={props.value} label={`Copy ${props.label.toLowerCase()}`} />
      </div>
      {props.onDone && (
        <button type="button" className="button button-secondary" onClick={props.onDone}>
          I have copied it
        </button>
      )}
    </div>
  );
}
