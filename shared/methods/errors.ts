/**
 * The one error convention for bad input to a statistical method.
 *
 * Every method validates its inputs and throws `MethodInputError` naming the group (e.g.
 * `Area=E09000002`) and the field (e.g. `denominator`) that were wrong, so that the app and
 * the command line can tell the analyst exactly which row to fix. No method returns NaN or
 * undefined silently in place of an error.
 */
export class MethodInputError extends Error {
  override readonly name = 'MethodInputError';
  constructor(
    message: string,
    /** The group the bad value belongs to, as `key=value` pairs, or undefined when ungrouped. */
    readonly group: string | undefined,
    /** The input field (column) that was wrong. */
    readonly field: string,
  ) {
    super(group === undefined ? `${field}: ${message}` : `${group}, ${field}: ${message}`);
  }
}

/** A warning attached to a result (e.g. "life expectancy suppressed: 95% CI wider than 20 years"). */
export interface MethodWarning {
  readonly group: string | undefined;
  readonly message: string;
}
