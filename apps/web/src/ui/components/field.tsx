'use client';
/**
 * Labelled form controls: the label, an optional hint and the API's field error are tied to the
 * control with `aria-describedby`, and an error sets `aria-invalid`.
 */
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  /** The message to show under the control (from `ApiError.fieldError(path)`). */
  error?: string | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame(props: FieldFrame & { id: string; children: ReactNode; className?: string }) {
  return (
    <div className={['field', props.className].filter(Boolean).join(' ')}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export type TextFieldProps = FieldFrame & InputHTMLAttributes<HTMLInputElement>;

/** @example <TextField label="Name" name="name" error={error?.fieldError('name')} required /> */
export function TextField({ label, hint, error, id, ...input }: TextFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <Frame id={controlId} label={label} hint={hint} error={error}>
      <input
        id={controlId}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
      />
    </Frame>
  );
}

export type TextAreaFieldProps = FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, hint, error, id, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <Frame id={controlId} label={label} hint={hint} error={error}>
      <textarea
        id={controlId}
        {...textarea}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
      />
    </Frame>
  );
}

export type SelectFieldProps = FieldFrame &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly { value: string; label: string }[];
  };

export function SelectField({ label, hint, error, id, options, ...select }: SelectFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <Frame id={controlId} label={label} hint={hint} error={error}>
      <select
        id={controlId}
        {...select}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export type CheckboxFieldProps = Omit<FieldFrame, 'label'> & {
  label: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

/** A checkbox with its label beside it. */
export function CheckboxField({ label, hint, error, id, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <div className="field field-checkbox">
      <input
        id={controlId}
        type="checkbox"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
      />
      <label htmlFor={controlId}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${controlId}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${controlId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
