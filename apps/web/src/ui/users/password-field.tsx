'use client';
/**
 * A new password for someone else's account: typed, or generated here and then shown in clear
 * with a copy button so the operator can hand it over.
 */
import { useState } from 'react';
import { Button } from '../components/button';
import { CopyButton } from '../components/copy-button';
import { TextField } from '../components/field';
import { generatePassword } from './password';
import styles from './users.module.css';

export function PasswordField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}) {
  const [generated, setGenerated] = useState(false);
  return (
    <div className={styles.passwordField}>
      <TextField
        label={props.label}
        type={generated ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        value={props.value}
        onChange={(event) => {
          setGenerated(false);
          props.onChange(event.target.value);
        }}
        error={props.error}
        hint={props.hint ?? 'At least 8 characters.'}
        required={props.required}
      />
      <div className={styles.passwordActions}>
        <Button
          variant="ghost"
          className="button-small"
          onClick={() => {
            setGenerated(true);
            props.onChange(generatePassword());
          }}
        >
          Generate password
        </Button>
        {generated && props.value && <CopyButton value={props.value} label="Copy password" />}
      </div>
    </div>
  );
}
