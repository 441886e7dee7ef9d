'use client';
import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Disables the button and says so to assistive technology while an action runs. */
  pending?: boolean;
}

/** @example <Button variant="primary" type="submit" pending={pending}>Create</Button> */
export function Button({ variant = 'secondary', pending, className, ...rest }: ButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={rest.disabled || pending}
      aria-busy={pending || undefined}
    />
  );
}
