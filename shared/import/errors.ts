/**
 * The one error type a failed import throws. Like MethodInputError in shared/methods, it names
 * where the problem is (file, row, column) and says what the analyst can do, so that the app
 * and the command line can show it as is. When an import throws, nothing was written.
 */
export type ImportErrorKind =
  | 'empty-file'
  | 'binary-file'
  | 'unsupported-format'
  | 'legacy-xls'
  | 'encoding'
  | 'malformed-csv'
  | 'malformed-json'
  | 'header-only'
  | 'missing-column'
  | 'invalid-value'
  | 'too-large'
  | 'zip-bomb'
  | 'bad-mapping'
  | 'cancelled'
  | 'database';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly kind: ImportErrorKind,
    readonly file: string,
    /** What went wrong, in plain words. */
    readonly problem: string,
    /** What the analyst can do about it. */
    readonly action: string,
    /** 1-based data row (or physical line, see message), when the problem has one. */
    readonly row?: number,
    readonly column?: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${file}${row === undefined ? '' : `, row ${String(row)}`}${column === undefined ? '' : `, column "${column}"`}: ${problem} ${action}`,
      options,
    );
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
