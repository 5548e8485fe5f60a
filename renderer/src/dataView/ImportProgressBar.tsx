/**
 * The running import: a progress bar (rows read of the estimated total) and a Cancel button.
 * Shown only once an import has run for a moment, so small files do not flash it. Cancelling
 * rolls the import back: nothing already loaded changes.
 */
import { useEffect, useState } from 'react';
import type { RunningImport } from './useImportFlow';

const SHOW_AFTER_MS = 250;

const PHASES = {
  decoding: 'Reading',
  parsing: 'Reading rows',
  validating: 'Checking',
  writing: 'Writing to the database',
  done: 'Finishing',
} as const;

export function ImportProgressBar({ running }: { readonly running: RunningImport | null }) {
  const [, tick] = useState(0);
  const startedAt = running?.startedAt;
  useEffect(() => {
    if (startedAt === undefined) return;
    const timer = setTimeout(() => tick((n) => n + 1), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [startedAt]);
  if (running === null || Date.now() - running.startedAt < SHOW_AFTER_MS) return null;
  const p = running.progress;
  const total = p === null ? 0 : Math.max(p.rowsTotal, p.rowsDone);
  const percent = total === 0 ? null : Math.round((100 * p!.rowsDone) / total);
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <p className="import-progress-name">Importing {running.name}</p>
      <progress max={100} value={percent ?? undefined} aria-label={`Importing ${running.name}`} />
      <p className="muted">
        {p === null
          ? 'Starting…'
          : `${PHASES[p.phase]}: ${p.rowsDone.toLocaleString('en-GB')}${total > p.rowsDone ? ` of about ${total.toLocaleString('en-GB')}` : ''} rows`}
      </p>
      <button type="button" onClick={running.cancel}>
        Cancel import
      </button>
    </div>
  );
}
