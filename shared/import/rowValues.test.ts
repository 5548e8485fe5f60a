import { describe, expect, it } from 'vitest';
import { CANONICAL_TABLES } from '../model/schema';
import { ROW_VALUES } from './rowValues';
import { TABLE_COLUMNS } from './sink';

describe('ROW_VALUES', () => {
  it('reads every column of every table, in TABLE_COLUMNS order', () => {
    for (const table of CANONICAL_TABLES) {
      const names = TABLE_COLUMNS[table].map(([name]) => name);
      const row = Object.fromEntries(names.map((n) => [n, n]));
      const values = ROW_VALUES[table](row, 7);
      // source_file_id always comes from the import, not from the row.
      expect(values, table).toEqual(names.map((n) => (n === 'source_file_id' ? 7 : n)));
    }
  });
});
