'use client';
/** Radio cards for the kind of application; arrow keys move between them like any radio group. */
import { APP_TYPES, type AppTypeId } from './app-types';
import styles from './clients.module.css';

export function AppTypePicker(props: { value: AppTypeId; onChange: (id: AppTypeId) => void }) {
  return (
    <fieldset className={styles.types}>
      <legend>Application type</legend>
      {APP_TYPES.map((type) => (
        <label key={type.id} className={styles.typeOption}>
          <input
            type="radio"
            name="app_type"
            value={type.id}
            checked={props.value === type.id}
            onChange={() => props.onChange(type.id)}
          />
          <span className={styles.typeText}>
            <strong>{type.label}</strong>
            <small>{type.description}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
