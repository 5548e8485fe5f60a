/**
 * Confidence levels and the column names they produce.
 *
 * The workbench names limits by level with the decimal point dropped: 0.95 -> `95`,
 * 0.998 -> `998`, 0.9 -> `90`, 0.99 -> `99` (so `lower95`, `upper998`). Fingertips publishes
 * 95% and 99.8% limits side by side, so both are the default everywhere.
 */
import { MethodInputError } from './errors';

export const DEFAULT_CONFIDENCE: readonly number[] = [0.95, 0.998];

/** `0.95` -> `"95"`, `0.998` -> `"998"`, `0.9` -> `"90"`. */
export function levelSuffix(confidence: number): string {
  assertConfidence(confidence);
  // Rounded to 4 decimals of a percent so that 0.998 gives 99.8, not 99.80000000000001.
  const percent = Math.round(confidence * 1e6) / 1e4;
  return String(percent).replace('.', '');
}

export function assertConfidence(confidence: number): void {
  if (!(confidence >= 0.9 && confidence < 1)) {
    throw new MethodInputError(
      `confidence level ${String(confidence)} is outside [0.9, 1); use e.g. 0.95 or 0.998`,
      undefined,
      'confidence',
    );
  }
}
