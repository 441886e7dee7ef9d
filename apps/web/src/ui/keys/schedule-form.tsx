'use client';
/**
 * Scheduled rotation: off ("rotate on request only", a null schedule) or every `intervalDays`
 * with retired keys published `overlapDays` longer. The API validates the numbers; its messages
 * show under the fields.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '../components/button';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notices';
import { useToast } from '../components/toast';
import { ApiError, errorForNotice } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import styles from './keys.module.css';
import { KEYS_SET_SCHEDULE, type KeyRotationSchedule } from './operations';

export function ScheduleForm(props: {
  tenantId: string;
  schedule: KeyRotationSchedule | null;
  onSaved: (schedule: KeyRotationSchedule | null) => void;
}) {
  const toast = useToast();
  const [save, { pending, error }] = useMutation(KEYS_SET_SCHEDULE);
  const [scheduled, setScheduled] = useState(props.schedule !== null);
  const [intervalDays, setIntervalDays] = useState(String(props.schedule?.intervalDays ?? 90));
  const [overlapDays, setOverlapDays] = useState(String(props.schedule?.overlapDays ?? 7));
  useEffect(() => {
    setScheduled(props.schedule !== null);
    if (props.schedule) {
      setIntervalDays(String(props.schedule.intervalDays));
      setOverlapDays(String(props.schedule.overlapDays));
    }
  }, [props.schedule]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const schedule = scheduled
      ? { intervalDays: Number(intervalDays), overlapDays: Number(overlapDays) }
      : null;
    const result = await save({ tenantId: props.tenantId, schedule });
    if (!result) return;
    props.onSaved(result.setKeyRotationSchedule);
    toast.success(scheduled ? 'Rotation schedule saved' : 'Keys now rotate on request only');
  };
  const apiError = error instanceof ApiError ? error : undefined;
  const unshown = errorForNotice(error, ['schedule.intervalDays', 'schedule.overlapDays']);
  return (
    <form className="form" onSubmit={submit} aria-label="Rotation schedule">
      <fieldset className={styles.modes}>
        <legend>Rotation</legend>
        <div className="field field-checkbox">
          <input
            id="rotation-manual"
            type="radio"
            name="rotation"
            checked={!scheduled}
            onChange={() => setScheduled(false)}
          />
          <label htmlFor="rotation-manual">Rotate on request only</label>
        </div>
        <div className="field field-checkbox">
          <input
            id="rotation-scheduled"
            type="radio"
            name="rotation"
            checked={scheduled}
            onChange={() => setScheduled(true)}
          />
          <label htmlFor="rotation-scheduled">Rotate on a schedule</label>
        </div>
      </fieldset>
      {scheduled && (
        <div className="form-row">
          <TextField
            label="Rotate every (days)"
            type="number"
            inputMode="numeric"
            value={intervalDays}
            onChange={(event) => setIntervalDays(event.target.value)}
            hint="Days an active key signs before the next one replaces it."
            error={apiError?.fieldError('schedule.intervalDays')}
            required
          />
          <TextField
            label="Keep retired keys published (days)"
            type="number"
            inputMode="numeric"
            value={overlapDays}
            onChange={(event) => setOverlapDays(event.target.value)}
            hint="So tokens signed by a retired key keep verifying."
            error={apiError?.fieldError('schedule.overlapDays')}
            required
          />
        </div>
      )}
      <ErrorNotice error={unshown} listFieldErrors />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={pending}>
          Save schedule
        </Button>
      </div>
    </form>
  );
}
