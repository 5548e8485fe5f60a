/**
 * One import, start to finish: read the bytes (text, XLSX or JSON), detect the format from
 * the content, then load it inside ONE transaction so that a failure or a cancel leaves every
 * table exactly as it was (DESIGN.md "Bad input gets a clear error and loses nothing").
 */
import { inTransaction, type Engine } from '../engine/engine';
import { createSchema } from '../model/schema';
import { ImportError } from './errors';
import { detectTabular, JSON_FORMATS } from './formats/registry';
import {
  BoundaryError,
  boundariesFromJson,
  isFeatureCollection,
  type BoundarySet,
} from '../boundaries/geojson';
import { boundaryRows, replaceBoundaryLayer } from '../boundaries/store';
import { genericFormat } from './formats/generic';
import type { Fields, TabularFormat } from './formats/format';
import { Loader } from './loader';
import { findMapping, headerSignature } from './mappingStore';
import { needsMappingReport } from './preview';
import { ProblemList } from './problems';
import {
  findBySha256,
  insertSourceFile,
  nextSourceFileId,
  removeSourceFile,
  sha256Hex,
} from './provenance';
import { openSource, type RecordSource } from './source';
import type { ImportInput, ImportOptions, ImportReport } from './types';

/** Check for cancellation between batches; throwing rolls the transaction back. */
function throwIfCancelled(options: ImportOptions, file: string): void {
  if (options.signal?.aborted === true) {
    throw new ImportError(
      'cancelled',
      file,
      'The import was cancelled.',
      'Nothing was changed; import the file again when ready.',
    );
  }
}

export async function runImport(
  engine: Engine,
  input: ImportInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const file = input.name;
  throwIfCancelled(options, file);
  options.onProgress?.({ rowsDone: 0, rowsTotal: 0, phase: 'decoding' });
  const source = await openSource(input);
  const sha256 = await sha256Hex(input.bytes);
  const base = { file, sha256, size: input.bytes.length };

  // Decide what to do before touching the database.
  type Table = { format: TabularFormat; headerIndex: number; records: RecordSource };
  let plan:
    | ({ kind: 'tabular'; more: Table[] } & Table)
    | { kind: 'json'; load: (typeof JSON_FORMATS)[number] }
    | { kind: 'boundaries'; set: BoundarySet };
  if (source.kind === 'json' && isFeatureCollection(source.value)) {
    plan = { kind: 'boundaries', set: parseBoundaryFile(file, source.value) };
  } else if (source.kind === 'json') {
    const load = JSON_FORMATS.find((f) => f.detect(source.value));
    if (load === undefined) {
      throw new ImportError(
        'unsupported-format',
        file,
        'This JSON file is not a format the workbench knows (Fingertips indicator metadata or GeoJSON boundaries).',
        'Export the data as CSV and import that instead.',
      );
    }
    plan = { kind: 'json', load };
  } else {
    const records = source.records;
    const detected = detectTabular(records.sample);
    if (detected !== undefined) {
      // Further workbook sheets in a known layout (detected again: each has its own header).
      const more = (source.moreSheets ?? []).flatMap((sheet) => {
        const d = detectTabular(sheet.sample);
        return d === undefined
          ? []
          : [{ format: d.format, headerIndex: d.headerIndex, records: sheet }];
      });
      plan = {
        kind: 'tabular',
        format: detected.format,
        headerIndex: detected.headerIndex,
        records,
        more,
      };
    } else {
      const headerIndex = firstTableRow(records.sample, file);
      const header = records.sample[headerIndex]!;
      const mapping =
        options.mapping ??
        (options.mappingStore === undefined
          ? undefined
          : findMapping(options.mappingStore, header));
      if (mapping === undefined) {
        return needsMappingReport(
          base,
          records,
          headerIndex,
          headerSignature(header),
          source.encoding,
        );
      }
      plan = {
        kind: 'tabular',
        format: genericFormat(mapping, header, file),
        headerIndex,
        records,
        more: [],
      };
    }
  }

  try {
    return await inTransaction(engine, async () => {
      await createSchema(engine);
      const existing = await findBySha256(engine, sha256);
      if (existing !== undefined && (options.onDuplicate ?? 'skip') === 'skip') {
        return {
          ...base,
          status: 'duplicate',
          existingSourceFileId: existing.id,
          existingName: existing.name,
        } as const;
      }
      // Take the id before removing a replaced file, so a new import never reuses its id.
      const id = await nextSourceFileId(engine);
      if (existing !== undefined) await removeSourceFile(engine, existing.id);
      const problems = new ProblemList(file);
      const policy =
        plan.kind === 'tabular'
          ? (plan.format.indicatorPolicy ?? 'skip-existing')
          : 'replace-existing';
      const loader = new Loader(engine, file, id, problems, options, policy);

      let rowsRead: number;
      let format: { id: string; label: string };
      if (plan.kind === 'boundaries') {
        await replaceBoundaryLayer(engine, plan.set);
        for (const row of boundaryRows(plan.set)) loader.write('boundary', row);
        rowsRead = plan.set.boundaries.length;
        format = boundaryFormat(plan.set);
      } else if (plan.kind === 'json') {
        rowsRead = plan.load.load(loader, source.kind === 'json' ? source.value : null);
        format = plan.load;
      } else {
        rowsRead = 0;
        for (const table of [plan, ...plan.more]) {
          rowsRead += await loadTabular(
            loader,
            table.format,
            table.headerIndex,
            table.records,
            options,
          );
        }
        format = plan.format;
      }
      throwIfCancelled(options, file);
      options.onProgress?.({ rowsDone: rowsRead, rowsTotal: rowsRead, phase: 'writing' });
      const rowsWritten = await loader.finish();
      const total = Object.entries(rowsWritten).reduce(
        (s, [t, n]) => s + (t === 'indicator' ? 0 : n),
        0,
      );
      await insertSourceFile(engine, {
        id,
        name: file,
        size: input.bytes.length,
        sha256,
        format: format.id,
        importedAt: (options.now?.() ?? new Date()).toISOString(),
        rows: total,
        warnings: JSON.stringify(problems.list),
      });
      throwIfCancelled(options, file);
      options.onProgress?.({ rowsDone: rowsRead, rowsTotal: rowsRead, phase: 'done' });
      return {
        ...base,
        status: 'imported',
        sourceFileId: id,
        format: format.id,
        formatLabel: format.label,
        encoding: source.encoding,
        rowsRead,
        rowsWritten,
        rowsDropped: loader.rowsDropped,
        ...(existing === undefined ? {} : { replacedSourceFileId: existing.id }),
        problems: problems.list,
        problemsTruncated: problems.truncated,
        elapsedMs: Date.now() - started,
      } as const;
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      'database',
      file,
      `The database rejected the import: ${error instanceof Error ? error.message.split('\n')[0]! : String(error)}.`,
      'Nothing was changed. Report this with the file if it keeps happening.',
      undefined,
      undefined,
      { cause: error },
    );
  }
}

/** Validate GeoJSON boundaries before the transaction, as an ImportError naming the feature. */
function parseBoundaryFile(file: string, value: unknown): BoundarySet {
  try {
    return boundariesFromJson(file, value);
  } catch (error) {
    if (!(error instanceof BoundaryError)) throw error;
    throw new ImportError(
      'malformed-json',
      file,
      error.detail,
      'Nothing was loaded; fix or re-export the boundary file.',
      error.feature,
      undefined,
      { cause: error },
    );
  }
}

function boundaryFormat(set: BoundarySet): { id: string; label: string } {
  const vintage = set.vintage === null ? '' : ` ${String(set.vintage)}`;
  return { id: 'geojson-boundaries', label: `Boundaries (GeoJSON, ${set.level}${vintage})` };
}

/** The first record with more than one non-empty field: the header of an unknown table. */
function firstTableRow(sample: readonly Fields[], file: string): number {
  const index = sample.findIndex((r) => r.filter((f) => f.trim() !== '').length > 1);
  if (index < 0) {
    throw new ImportError(
      'unsupported-format',
      file,
      'No table was found: every line has a single column, so the delimiter is not a comma, semicolon, tab or bar, or the file is not a table.',
      'Open the file in a spreadsheet and save it as CSV (comma-separated), then import that copy.',
      1,
    );
  }
  return index;
}

/** Stream records through a format's handler, writing in batches. Returns data rows read. */
async function loadTabular(
  loader: Loader,
  format: TabularFormat,
  headerIndex: number,
  records: RecordSource,
  options: ImportOptions,
): Promise<number> {
  try {
    return await loadRecords(loader, format, headerIndex, records, options);
  } catch (error) {
    // Name the sheet: "row 12" alone is ambiguous in a workbook.
    if (error instanceof ImportError && records.sheet !== undefined && error.kind !== 'cancelled') {
      throw new ImportError(
        error.kind,
        error.file,
        `Sheet "${records.sheet}": ${error.problem}`,
        error.action,
        error.row,
        error.column,
        { cause: error },
      );
    }
    throw error;
  }
}

async function loadRecords(
  loader: Loader,
  format: TabularFormat,
  headerIndex: number,
  records: RecordSource,
  options: ImportOptions,
): Promise<number> {
  const file = loader.file;
  let header: Fields | undefined;
  let handler: ReturnType<TabularFormat['start']> | undefined;
  let rowNumber = 0;
  let ended = false;
  const policy = format.ragged ?? 'exact';
  let minFields = 0;
  let width: number | undefined;
  await records.forEach({
    onRecord(fields, index) {
      if (ended || index < headerIndex) return;
      if (index === headerIndex) {
        header = fields;
        handler = format.start(loader, fields, records.sample.slice(0, headerIndex));
        minFields = format.minFields?.(fields) ?? fields.length;
        return;
      }
      if (fields.every((f) => f.trim() === '')) return;
      if (handler!.endsTable?.(fields) === true) {
        ended = true;
        return;
      }
      rowNumber++;
      // Every data row must have the width of the first one, which must lie between the
      // format's minimum and the header's width: a ragged row means a truncated file, a stray
      // delimiter or a damaged quote, and loading it would shift values into wrong columns.
      if (policy === 'exact') {
        if (width === undefined) width = fields.length;
        if (
          fields.length !== width ||
          fields.length > header!.length ||
          fields.length < minFields
        ) {
          throw new ImportError(
            'malformed-csv',
            file,
            `Data row ${String(rowNumber)} (record ${String(index + 1)}) has ${String(fields.length)} fields, but ${rowNumber === 1 ? `the header has ${String(header!.length)}` : `the rows before it have ${String(width)}`}; the file may be truncated, or a value contains an unquoted delimiter or a stray quote.`,
            'Export the file again; if you edited it, check that row for a stray comma or quote.',
            rowNumber,
          );
        }
      }
      handler!.row(fields, rowNumber);
    },
    shouldPause: () => loader.batchReady,
    async onPause() {
      throwIfCancelled(options, file);
      options.onProgress?.({
        rowsDone: rowNumber,
        rowsTotal: records.estimateTotal(rowNumber),
        phase: 'parsing',
      });
      await loader.flushFull();
    },
  });
  if (header === undefined || rowNumber === 0) {
    throw new ImportError(
      'header-only',
      file,
      'The file has a header but no data rows.',
      'Check that the export finished, or choose a file with data.',
      undefined,
    );
  }
  handler!.finish?.();
  return rowNumber;
}
