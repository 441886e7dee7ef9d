'use client';
/**
 * Saving one settings section: sends only that section's merge patch, hands the settings the API
 * now holds back to the screen and says so in a toast. Field errors stay on `error`.
 */
import { useCallback } from 'react';
import { useToast } from '../components/toast';
import { ApiError, errorForNotice } from '../graphql/api-error';
import { useMutation } from '../graphql/hooks';
import { type SettingsPatch, TENANTS_UPDATE_SETTINGS, type TenantSettings } from './operations';

export interface SettingsSave {
  save: (patch: SettingsPatch) => Promise<boolean>;
  pending: boolean;
  error: unknown;
  /** The API's message for a field (`settings.protocol.lifetimes.accessToken`). */
  fieldError: (path: string) => string | undefined;
  /** The error for a notice: none when every field error it holds lies under `prefix`. */
  noticeError: (prefix: string) => unknown;
}

export function useSettingsSave(
  tenantId: string,
  onSaved: (settings: TenantSettings) => void,
  message: string,
): SettingsSave {
  const toast = useToast();
  const [run, { pending, error }] = useMutation(TENANTS_UPDATE_SETTINGS);
  const save = useCallback(
    async (patch: SettingsPatch) => {
      const result = await run({ tenantId, settings: patch });
      if (!result) return false;
      onSaved(result.updateTenantSettings.settings);
      toast.success(message);
      return true;
    },
    [run, tenantId, onSaved, toast, message],
  );
  const fieldError = useCallback(
    (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined),
    [error],
  );
  const noticeError = useCallback((prefix: string) => errorForNotice(error, [prefix]), [error]);
  return { save, pending, error, fieldError, noticeError };
}

/** Whole seconds typed into a field: a number, null for an empty field, or NaN for anything else. */
export function parseSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
