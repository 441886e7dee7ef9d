'use client';
import { useState } from 'react';

/** Copies `value` to the clipboard and says so for two seconds (also to screen readers). */
export function CopyButton(props: { value: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  const label = props.label ?? 'Copy';
  return (
    <button type="button" className="button button-ghost button-small copy-button" onClick={copy}>
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </span>
    </button>
  );
}

/** A value people copy (an issuer, a client id), in monospace with its copy button. */
export function CopyableValue(props: { value: string; label: string }) {
  return (
    <div className="copyable">
      <span className="visually-hidden">{props.label}: </span>
      <code className="copyable-value">{props.value}</code>
      <CopyButton value={props.value} label={`Copy ${props.label.toLowerCase()}`} />
    </div>
  );
}
