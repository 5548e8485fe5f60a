/**
 * Normalise a figure spec for a snapshot a reviewer can read (after observablehq/plot's
 * snapshot tests): numbers rounded to 4 significant decimals so floating-point noise does not
 * churn the file, and pretty-printed JSON with a trailing newline.
 */
import type { FigureSpec } from '../spec';

export function normalisedJson(spec: FigureSpec): string {
  return `${JSON.stringify(spec, (_key, value: unknown) => (typeof value === 'number' ? round(value) : value), 2)}\n`;
}

function round(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1e4) / 1e4;
}
