import { describe, expect, it } from 'vitest';
import { CliError } from '../cliError';
import { formatCsv, numericColumn, parseCsv, textColumn } from './csvTable';

// In-process checks of the CSV helpers (hand-made inputs; expected values by inspection).
describe('parseCsv', () => {
  it("strips Excel's BOM, keeps quoted commas and trims header names", () => {
    const t = parseCsv('\ufeffArea ,"Name"\nE1,"Barking, Dagenham"\n', 'in.csv');
    expect(t.header).toEqual(['Area', 'Name']);
    expect(textColumn(t, 'Name', 'x')).toEqual(['Barking, Dagenham']);
  });

  it('skips blank lines and accepts CRLF', () => {
    expect(parseCsv('a,b\r\n1,2\r\n\r\n3,4\r\n', 'in.csv').rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('rejects an empty file, a repeated header and a ragged row', () => {
    expect(() => parseCsv('', 'e.csv')).toThrow(/the file is empty/);
    expect(() => parseCsv('a,a\n1,2\n', 'r.csv')).toThrow(/column 'a' appears twice/);
    expect(() => parseCsv('a,b\n1,2,3\n', 'g.csv')).toThrow(
      /row 1 has 3 cells but the header has 2/,
    );
  });
});

describe('numericColumn', () => {
  const table = parseCsv('x,y,z\n1,NA,1e-3\n-2.5,,.5\n', 'in.csv');

  it('gives a Float64Array when nothing is missing', () => {
    const x = numericColumn(table, 'x', 'count');
    expect(x).toBeInstanceOf(Float64Array);
    expect(Array.from(x)).toEqual([1, -2.5]);
    expect(Array.from(numericColumn(table, 'z', 'count'))).toEqual([0.001, 0.5]);
  });

  it('reads empty and NA cells as null', () => {
    expect(numericColumn(table, 'y', 'count')).toEqual([null, null]);
  });

  it.each(['1,204', 'n/a', 'Inf', '0x10', '12abc', 'NaN'])(
    'rejects %j naming row and column',
    (cell) => {
      const bad = parseCsv(`v\n1\n"${cell}"\n`, 'bad.csv');
      expect(() => numericColumn(bad, 'v', 'value')).toThrow(CliError);
      expect(() => numericColumn(bad, 'v', 'value')).toThrow(
        `bad.csv: row 2, column 'v': '${cell}' is not a number.`,
      );
    },
  );

  it('a missing column lists the columns there are', () => {
    expect(() => numericColumn(table, 'w', 'value')).toThrow(
      "in.csv: no column 'w' (given by --value). Available columns: x, y, z.",
    );
  });
});

describe('formatCsv', () => {
  it('writes numbers at full precision, missing as empty, and quotes only where needed', () => {
    const text = formatCsv({
      header: ['a', 'b', 'c'],
      rows: [
        [0.1 + 0.2, null, 'x, y'],
        [1e-7, undefined, 'plain'],
      ],
    });
    expect(text).toBe('a,b,c\n0.30000000000000004,,"x, y"\n1e-7,,plain\n');
  });

  // OWASP CSV injection: a group value copied from a hostile input must not run in Excel.
  it('neutralises formula text but writes negative numbers as numbers', () => {
    const text = formatCsv({
      header: ['area', 'value'],
      rows: [
        ['=HYPERLINK("http://x","y")', -1.5],
        ['+cmd|calc', 2],
        ['@SUM(1)', 3],
      ],
    });
    expect(text).toBe(
      'area,value\n"\'=HYPERLINK(""http://x"",""y"")",-1.5\n\'+cmd|calc,2\n\'@SUM(1),3\n',
    );
  });
});
