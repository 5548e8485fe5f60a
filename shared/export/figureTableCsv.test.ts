import { describe, expect, it } from 'vitest';
import { figureTableCsv } from './figureTableCsv';

describe('figureTableCsv', () => {
  it('writes RFC 4180 CSV with a BOM, CRLF, quoting and numbers as numbers', () => {
    const csv = figureTableCsv(
      {
        columns: ['Area', 'Note', 'Value'],
        rows: [
          ['Kingston upon Hull, City of', 'said "high"', 58.12],
          ['Ynys Môn', null, Number.NaN],
        ],
      },
      ['Source: ONS.'],
    );
    expect(csv).toBe(
      '\uFEFFArea,Note,Value\r\n"Kingston upon Hull, City of","said ""high""",58.12\r\nYnys Môn,,\r\n\r\nSource: ONS.\r\n',
    );
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = figureTableCsv({
      columns: ['a', 'b'],
      rows: [
        ['=HYPERLINK("x")', -1.5],
        ['@SUM(A1)', 0],
      ],
    });
    expect(csv).toContain(`"'=HYPERLINK(""x"")",-1.5`);
    expect(csv).toContain(`'@SUM(A1),0`);
  });
});
