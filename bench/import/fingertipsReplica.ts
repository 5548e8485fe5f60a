/**
 * A 1,000,000-row Fingertips-format file built from the real rows of
 * fixtures/data/fingertips/indicators-CountyUA.data.csv (852 records, 26 columns), for the import
 * benchmark. Integer arithmetic only, so every run (and any other tool) builds identical bytes.
 *
 * Rule: replica k = 0, 1, 2, ... repeats all 852 records in file order, with
 *   block = floor(k / 10), shift = k % 10;
 *   Area Code: the first 3 characters kept, the 6-digit instance number + 1000 * (block + 1)
 *     (E09000002 -> E09001002 in block 0, E09002002 in block 1, ...): valid GSS shape, new areas;
 *   Area Name: the original name + " " + (block + 1);
 *   Time period: year + 3 * shift (2015-2017 -> 2015-2044); Time period Sortable likewise
 *     ((year + 3 * shift) * 10000);
 * every other field unchanged, including the quirks of the real export (a bare LF inside the
 * quoted Indicator Name, CRLF between records, 25 fields per record under a 26-name header). Rows stop at exactly `rows`. Each
 * (area, period, category) key stays unique, so the importer sees no duplicate keys.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function buildFingertipsReplica(source: string, rows: number): Uint8Array {
  const text = readFileSync(source, 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const header = parsed[0]!;
  const records = parsed.slice(1);
  // The real export's header has 26 names and its records 25 fields (no "Compared to goal"
  // value): a quirk kept as it is, like the bare LF.
  if (header.length !== 26 || records.length !== 852 || records.some((r) => r.length !== 25))
    throw new Error(
      `${source}: expected a 26-name header and 852 records of 25 fields, got ${String(records.length)} records`,
    );
  const col = (name: string) => header.indexOf(name);
  const [code, name, period, sortable] = [
    'Area Code',
    'Area Name',
    'Time period',
    'Time period Sortable',
  ].map(col) as [number, number, number, number];
  const parts: string[] = [header.map(quote).join(',')];
  let written = 0;
  for (let k = 0; written < rows; k++) {
    const block = Math.floor(k / 10);
    const shift = k % 10;
    for (const record of records) {
      if (written === rows) break;
      const out = [...record];
      const c = record[code]!;
      out[code] =
        c.slice(0, 3) +
        String((Number(c.slice(3)) + 1000 * (block + 1)) % 1_000_000).padStart(6, '0');
      out[name] = `${record[name]!} ${String(block + 1)}`;
      const year = Number(record[period]) + 3 * shift;
      out[period] = String(year);
      out[sortable] = String(year * 10000);
      parts.push(out.map(quote).join(','));
      written++;
    }
  }
  return new TextEncoder().encode(parts.join('\r\n') + '\r\n');
}
