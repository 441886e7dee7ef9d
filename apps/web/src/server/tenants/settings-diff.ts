/**
 * What a settings update changed, for the audit log: one entry per changed leaf, by dotted path.
 * Long strings (inline logos) are summarised so an audit row stays small.
 */
import { isDeepStrictEqual } from 'node:util';
import { isJsonObject } from './settings-patch';

/** Longer strings are recorded by length only. */
const MAX_RECORDED_STRING = 200;

export interface SettingChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** @example diffSettings({ a: 1 }, { a: 2 }) // [{ path: 'a', from: 1, to: 2 }] */
export function diffSettings(before: unknown, after: unknown, prefix = ''): SettingChange[] {
  if (isJsonObject(before) && isJsonObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) =>
      diffSettings(before[key], after[key], prefix ? `${prefix}.${key}` : key),
    );
  }
  if (isDeepStrictEqual(before, after)) return [];
  return [{ path: prefix, from: recorded(before), to: recorded(after) }];
}

function recorded(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string' && value.length > MAX_RECORDED_STRING) {
    return `(${value.length} characters)`;
  }
  return value;
}
