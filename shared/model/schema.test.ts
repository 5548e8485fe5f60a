import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { stringColumn } from '../engine/columns';
import { freshTestEngine } from '../../main/engine/testEngine';
import { TABLE_COLUMNS } from '../import/sink';
import { CANONICAL_TABLES, createSchema } from './schema';

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('canonical schema', () => {
  it('creates every table, idempotently', async () => {
    await createSchema(engine);
    await createSchema(engine);
    const t = await engine.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name`);
    expect(stringColumn(t, 'table_name')).toEqual([...CANONICAL_TABLES].sort());
  });

  it('matches the importer column lists name for name, in order', async () => {
    for (const table of CANONICAL_TABLES) {
      const t = await engine.query(`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, [table]);
      expect(stringColumn(t, 'column_name'), table).toEqual(TABLE_COLUMNS[table].map(([name]) => name));
    }
  });

  it('rejects a polarity or null reason outside the vocabulary', async () => {
    await expect(engine.exec(`INSERT INTO indicator (id, polarity) VALUES ('x', 'good')`)).rejects.toThrow();
    await expect(engine.exec(`INSERT INTO census (table_id, area_code, dimension, category, null_reason, source_file_id) VALUES ('t', 'a', 'd', 'c', 'zero', 1)`)).rejects.toThrow();
  });
});
