/**
 * Census 2021 tables, reshaped to the long `census` table (one row per area x category):
 * - Nomis bulk CSV (`date, geography, geography code, Age: Total; measures: Value, ...`), any
 *   TS table: the column names carry dimension and category;
 * - Nomis web "report" CSV: title/source preamble, a header of category names, data, then
 *   footer notes on disclosure control;
 * - ONS "create a custom dataset" CSV (`<Geography> Code, <Geography>, <Dimension> Code,
 *   <Dimension>, ..., Observation`), already long.
 *
 * The table id (TS007...) is read from the report title when there is one; bulk and custom
 * files do not carry it, so it is taken from the file name when that follows the ONS/Nomis
 * pattern (`census2021-ts007-ltla.csv`), else left as `unknown`.
 */
import { ImportError } from '../errors';
import { FieldReader } from './fields';
import { findHeader, type Fields, type LoadContext, type TabularFormat } from './format';

function tableIdFrom(text: string): string | null {
  // Not \b: file names join words with `_`, which is a word character.
  const m = /(?<![a-z0-9])(ts\d{3}[a-z]?|rm\d{3}|st\d{3}|ks\d{3})(?![a-z0-9])/i.exec(text);
  return m === null ? null : m[1]!.toUpperCase();
}

function levelFromFileName(file: string): string | null {
  const m = /[-_](ltla|utla|rgn|ctry|lsoa|msoa|oa|wd|pcon)\.[a-z]+$/i.exec(file);
  return m === null ? null : m[1]!.toLowerCase();
}

function levelFromHeader(text: string): string {
  const t = text.toLowerCase();
  if (t.includes('lower layer')) return 'lsoa';
  if (t.includes('middle layer')) return 'msoa';
  if (t.includes('output area')) return 'oa';
  if (t.includes('lower tier')) return 'ltla';
  if (t.includes('upper tier')) return 'utla';
  if (t.includes('region')) return 'rgn';
  if (t.includes('countr')) return 'ctry';
  return text.trim();
}

/** `Age: Aged 4 years; measures: Value` -> dimension `Age`, category `Aged 4 years`. */
export function parseBulkColumn(header: string): { dimension: string; category: string } | null {
  const body = header.replace(/;\s*measures:\s*value\s*$/i, '');
  if (body === header) return null;
  const parts = body.split(/;\s*/).map((p) => {
    const i = p.indexOf(':');
    return i < 0 ? { d: 'Value', c: p.trim() } : { d: p.slice(0, i).trim(), c: p.slice(i + 1).trim() };
  });
  return { dimension: parts.map((p) => p.d).join(' x '), category: parts.map((p) => p.c).join(' | ') };
}

function writeCounts(ctx: LoadContext, read: FieldReader, f: Fields, n: number, columns: readonly { index: number; dimension: string; category: string }[], base: { table_id: string; area_code: string; area_name: string | null; geography_level: string | null }): void {
  for (const col of columns) {
    const cell = read.number(f, col.index, n);
    ctx.write('census', { table_id: base.table_id, area_code: base.area_code, area_name: base.area_name, geography_level: base.geography_level, dimension: col.dimension, category: col.category, count: cell.value, null_reason: cell.reason });
  }
}

export const nomisBulk: TabularFormat = {
  id: 'nomis-bulk',
  label: 'Census 2021 Nomis bulk CSV',
  detect: (sample) =>
    findHeader(sample, (h) => h[0] === 'date' && h[1] === 'geography' && h[2] === 'geographycode' && h.slice(3).some((c) => c.endsWith('measuresvalue')), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const columns = header
      .map((h, index) => ({ index, parsed: index > 2 ? parseBulkColumn(h) : null }))
      .filter((c) => c.parsed !== null)
      .map((c) => ({ index: c.index, ...c.parsed! }));
    const table_id = tableIdFrom(ctx.file) ?? 'unknown';
    const level = levelFromFileName(ctx.file);
    return {
      row(f, n) {
        const code = read.text(f, 2) ?? '';
        const name = read.text(f, 1);
        ctx.area(code, name, level);
        ctx.validator.areaCode(code, n);
        writeCounts(ctx, read, f, n, columns, { table_id, area_code: code, area_name: name, geography_level: level });
      },
    };
  },
};

export const nomisReport: TabularFormat = {
  id: 'nomis-report',
  label: 'Census 2021 Nomis web report CSV',
  ragged: 'any',
  detect: (sample) => findHeader(sample, (h) => h.length > 2 && h[1] === 'mnemonic' && h[0] !== ''),
  start(ctx, header, preamble) {
    const read = new FieldReader(ctx, header);
    const title = preamble.map((r) => r.filter((f) => f.trim() !== '').join(' ')).find((t) => tableIdFrom(t) !== null) ?? '';
    const table_id = tableIdFrom(title) ?? tableIdFrom(ctx.file) ?? 'unknown';
    const dimension = title.includes(' - ') ? title.slice(title.indexOf(' - ') + 3).trim() : 'Category';
    const level = levelFromHeader(header[0]!);
    const columns = header.slice(2).map((category, i) => ({ index: i + 2, dimension, category: category.trim() }));
    let notes = 0;
    return {
      // Footer notes: `"","In order to protect against disclosure..."`.
      endsTable(f) {
        const note = f[0]!.trim() === '' && f.length < header.length;
        if (note) notes++;
        return note;
      },
      row(f, n) {
        if (f.length !== header.length) {
          throw new ImportError('malformed-csv', ctx.file, `Data row ${String(n)} has ${String(f.length)} fields but the header has ${String(header.length)}; the file may be truncated.`, 'Download the report from Nomis again.', n);
        }
        const code = read.text(f, 1) ?? '';
        const name = read.text(f, 0);
        ctx.area(code, name, level);
        ctx.validator.areaCode(code, n);
        writeCounts(ctx, read, f, n, columns, { table_id, area_code: code, area_name: name, geography_level: level });
      },
      finish() {
        if (notes > 0) ctx.problems.add('trailing-notes', 'info', 'Footer notes after the table were skipped (Nomis disclosure-control text).', 'None needed.');
      },
    };
  },
};

export const onsCustom: TabularFormat = {
  id: 'ons-custom',
  label: 'ONS custom dataset CSV (Census 2021)',
  detect: (sample) =>
    findHeader(sample, (h) => h.length >= 5 && h[h.length - 1] === 'observation' && h[0]!.endsWith('code') && h[2]!.endsWith('code')),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    // Dimension pairs (`X Code`, `X`) between the geography pair and Observation.
    const dims: { label: number; name: string }[] = [];
    for (let i = 2; i + 1 < header.length - 1; i += 2) {
      dims.push({ label: i + 1, name: header[i + 1]!.replace(/\s*\(\d+ categor(y|ies)\)\s*$/i, '').trim() });
    }
    const dimension = dims.map((d) => d.name).join(' x ');
    const table_id = tableIdFrom(ctx.file) ?? 'unknown';
    const level = levelFromHeader(header[1]!);
    const obs = header.length - 1;
    return {
      row(f, n) {
        const code = read.text(f, 0) ?? '';
        const name = read.text(f, 1);
        ctx.area(code, name, level);
        ctx.validator.areaCode(code, n);
        const cell = read.number(f, obs, n);
        ctx.write('census', {
          table_id,
          area_code: code,
          area_name: name,
          geography_level: level,
          dimension,
          category: dims.map((d) => read.text(f, d.label) ?? '').join(' | '),
          count: cell.value,
          null_reason: cell.reason,
        });
      },
    };
  },
};
