/**
 * The column-mapping dialog for a table the importer does not recognise: one drop-down per role
 * (area code, period, value...), starting from the importer's suggestion, and a live preview of
 * the first rows as they will be read with the roles chosen. Confirming imports the file with the
 * mapping and remembers it for the next file with the same header.
 *
 * Not modal: the file's own preview table stays visible and usable below it.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ColumnMapping, MappingField, NeedsMappingReport } from '../../../shared/import';
import type { TableSource } from '../data/tableSource';
import { MAPPING_FIELDS, mappingGaps, reusedColumns } from './mappingFields';
import { useFocusOnMount } from './useFocusOnMount';
import { usePreviewRows } from './usePreviewRows';

export interface MappingDialogProps {
  readonly file: string;
  readonly report: NeedsMappingReport;
  /** The file as read (all text), for the preview rows; null when it could not be read. */
  readonly view: TableSource | null;
  readonly busy: boolean;
  /** Where to start: the mapping in use when changing one, else the importer's suggestion. */
  readonly initial?: ColumnMapping;
  readonly onConfirm: (mapping: ColumnMapping) => void;
}

export function MappingDialog({
  file,
  report,
  view,
  busy,
  initial,
  onConfirm,
}: MappingDialogProps) {
  const start = initial ?? report.suggested;
  const [mapping, setMapping] = useState<ColumnMapping>(start);
  useEffect(() => setMapping(start), [start]);
  const headers = useMemo(() => report.columns.map((c) => c.header), [report]);
  const rows = usePreviewRows(view, report);
  const titleId = useId();
  const focusRef = useFocusOnMount<HTMLElement>(file);
  const gaps = mappingGaps(mapping);
  const reused = reusedColumns(mapping);
  const shown = MAPPING_FIELDS.filter((f) => mapping.columns[f.field] !== undefined);

  const choose = (field: MappingField, header: string): void => {
    const columns = Object.fromEntries(
      Object.entries({ ...mapping.columns, [field]: header }).filter(([, h]) => h !== ''),
    );
    setMapping({ ...mapping, columns });
  };

  return (
    <section
      className="mapping-dialog"
      role="dialog"
      aria-labelledby={titleId}
      ref={focusRef}
      tabIndex={-1}
    >
      <h3 id={titleId}>Map the columns of {file}</h3>
      <p className="muted">
        The workbench does not recognise this layout. Say which column holds what; the first rows
        below show how the file will be read. The mapping is saved on this computer and used again
        for files with the same columns.
      </p>
      <div className="mapping-grid">
        {MAPPING_FIELDS.map((f) => (
          <label key={f.field} className="mapping-field">
            <span>
              {f.label}
              {f.required === true && <abbr title="required"> *</abbr>}
              {f.hint !== undefined && <span className="muted"> ({f.hint})</span>}
            </span>
            <select
              value={mapping.columns[f.field] ?? ''}
              onChange={(e) => choose(f.field, e.target.value)}
              aria-label={`Column for ${f.label}`}
            >
              <option value="">— not in this file —</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        {mapping.columns.indicator === undefined && (
          <label className="mapping-field">
            <span>
              Indicator name <span className="muted">(the file holds one indicator)</span>
            </span>
            <input
              type="text"
              value={mapping.indicatorName ?? ''}
              onChange={(e) => setMapping({ ...mapping, indicatorName: e.target.value })}
              aria-label="Indicator name"
            />
          </label>
        )}
      </div>
      <h4>Preview: first rows as they will be imported</h4>
      {shown.length === 0 ? (
        <p className="muted">Choose a column for a role to see it here.</p>
      ) : (
        <div className="dv-scroll">
          <table className="mapping-preview" data-testid="mapping-preview">
            <thead>
              <tr>
                {mapping.columns.indicator === undefined && <th scope="col">Indicator</th>}
                {shown.map((f) => (
                  <th key={f.field} scope="col">
                    {f.label}
                    <span className="source-column">{mapping.columns[f.field]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {mapping.columns.indicator === undefined && (
                    <td>{mapping.indicatorName ?? ''}</td>
                  )}
                  {shown.map((f) => (
                    <td key={f.field}>{row.get(mapping.columns[f.field]!) ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reused.length > 0 && (
        <p className="notice">
          {reused.map((c) => `“${c}”`).join(', ')} {reused.length === 1 ? 'is' : 'are'} used for
          more than one role; check that is what you meant.
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || gaps.length > 0}
          onClick={() => onConfirm(mapping)}
        >
          Import with this mapping
        </button>
        {gaps.length > 0 && (
          <span className="muted" data-testid="mapping-gaps">
            To import: {gaps.join('; ')}.
          </span>
        )}
      </div>
    </section>
  );
}
