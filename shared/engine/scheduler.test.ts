/**
 * The engine scheduler (issue 7) on real duckdb-wasm (Node blocking build). Before it, every
 * caller shared one connection: a reader saw an open import's uncommitted rows and a second
 * writer failed with "cannot start a transaction within a transaction".
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestEngine } from '../../main/engine/testEngine';
import { createGeographyTables } from '../geography/areaTable';
import { readLocalities, saveLocalities } from '../geography/localities';
import { AREA_TYPES } from '../geography/lookups';
import { importFile, type ImportReport } from '../import';
import { createSchema } from '../model/schema';
import { numberColumn, scalarNumber } from './columns';
import { inTransaction, SupersededError, type Engine, type ScheduledEngine } from './engine';

// Engine-using tests get a generous timeout: CI runs them on a loaded machine.
const ENGINE_TIMEOUT = 120_000;

let engine: ScheduledEngine;
beforeAll(async () => {
  engine = await freshTestEngine();
}, ENGINE_TIMEOUT);
afterAll(async () => {
  await engine.close();
}, ENGINE_TIMEOUT);

const count = async (table: string): Promise<number> =>
  scalarNumber(await engine.read(`SELECT count(*)::DOUBLE AS n FROM ${table}`));

/** A promise and the function that resolves it, to hold a transaction open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Let every pending promise job and I/O callback run (no timers, no clock). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Track whether a promise has settled yet, without awaiting it. */
function watch<T>(promise: Promise<T>): { promise: Promise<T>; done: () => boolean } {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { promise, done: () => done };
}

describe('engine scheduler', () => {
  it(
    'a read during an open import-like transaction sees none of its 3 uncommitted rows',
    async () => {
      await engine.exec('CREATE TABLE repro (n INTEGER)');
      const hold = gate();
      const inserted = gate();
      const importing = inTransaction(engine, async (tx) => {
        await tx.exec('INSERT INTO repro VALUES (1), (2), (3)');
        inserted.open();
        await hold.opened;
        return scalarNumber(await tx.query('SELECT count(*)::DOUBLE FROM repro'));
      });
      await inserted.opened;

      // A view's read answers now, from the committed state: none of the 3 rows.
      expect(await count('repro')).toBe(0);
      // Another caller's plain query waits for the transaction instead of reading inside it.
      const plain = watch(engine.query('SELECT count(*)::DOUBLE FROM repro'));
      await settle();
      expect(plain.done()).toBe(false);

      hold.open();
      expect(await importing).toBe(3);
      expect(scalarNumber(await plain.promise)).toBe(3);
      expect(await count('repro')).toBe(3);
    },
    ENGINE_TIMEOUT,
  );

  it(
    'a second writer queues behind an open transaction instead of failing',
    async () => {
      await engine.exec(
        'CREATE SEQUENCE writer_order; CREATE TABLE writers (seq INTEGER, who TEXT)',
      );
      const insert = `INSERT INTO writers VALUES (nextval('writer_order'), ?)`;
      const hold = gate();
      const started = gate();
      // Both written the way every current caller is (work that takes no `tx`).
      const first = inTransaction(engine, async () => {
        await engine.query(insert, ['first']);
        started.open();
        await hold.opened;
        await engine.query(insert, ['first']);
      });
      await started.opened;
      const second = watch(
        inTransaction(engine, async () => {
          await engine.query(insert, ['second']);
        }),
      );
      const third = watch(
        inTransaction(engine, async (tx) => {
          await tx.query(insert, ['third']);
        }),
      );
      await settle();
      expect([second.done(), third.done()]).toEqual([false, false]);

      hold.open();
      await Promise.all([first, second.promise, third.promise]);
      const t = await engine.read('SELECT who FROM writers ORDER BY seq');
      expect(t.getChild('who')!.toArray()).toEqual(['first', 'first', 'second', 'third']);
    },
    ENGINE_TIMEOUT,
  );

  it(
    'a rollback leaves nothing behind and the queue carries on',
    async () => {
      await engine.exec('CREATE TABLE rolled (n INTEGER)');
      const hold = gate();
      const failing = inTransaction(engine, async (tx) => {
        await tx.exec('INSERT INTO rolled VALUES (1), (2), (3)');
        await tx.exec('CREATE TABLE rolled_half (m INTEGER)');
        await hold.opened;
        throw new Error('import failed (simulated)');
      });
      // One that fails inside DuckDB, with the transaction left aborted until ROLLBACK.
      const broken = inTransaction(engine, async () => {
        await engine.exec('INSERT INTO rolled VALUES (4)');
        await engine.query('SELECT * FROM no_such_table');
      });
      const after = inTransaction(engine, async (tx) => {
        await tx.exec('INSERT INTO rolled VALUES (5)');
      });
      const plain = engine.exec('INSERT INTO rolled VALUES (6)');

      hold.open();
      await expect(failing).rejects.toThrow('import failed (simulated)');
      await expect(broken).rejects.toThrow(/no_such_table/);
      await Promise.all([after, plain]);
      const rows = await engine.read('SELECT n FROM rolled ORDER BY n');
      expect(Array.from(numberColumn(rows, 'n'))).toEqual([5, 6]);
      const half = await engine.read(
        `SELECT count(*)::DOUBLE FROM information_schema.tables WHERE table_name = 'rolled_half'`,
      );
      expect(scalarNumber(half)).toBe(0);
    },
    ENGINE_TIMEOUT,
  );

  it(
    'a transaction handle refuses calls once it has ended, and cannot nest',
    async () => {
      let kept: Engine | undefined;
      await inTransaction(engine, async (tx) => {
        kept = tx;
        // DuckDB has no nested transactions; the inner BEGIN fails instead of waiting forever.
        await expect(inTransaction(tx, async () => undefined)).rejects.toThrow(
          /within a transaction/,
        );
      });
      await expect(kept!.query('SELECT 1')).rejects.toThrow(/already ended/);
      expect(scalarNumber(await engine.query('SELECT 1'))).toBe(1);
    },
    ENGINE_TIMEOUT,
  );

  it(
    'a keyed read superseded before it started is rejected and never runs',
    async () => {
      const view = { key: 'view:overview' };
      // The first read starts at once; the next two wait behind it.
      const running = engine.read('SELECT 1 AS n', [], view);
      // If it ran, this read would fail with a catalog error, not SupersededError.
      const stale = engine.read('SELECT * FROM no_such_view_table', [], view);
      const other = engine.read('SELECT 3 AS n', [], { key: 'view:map' });
      const latest = engine.read('SELECT 2 AS n', [], view);

      const error = await stale.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SupersededError);
      expect(error).toMatchObject({ key: 'view:overview' });
      expect(scalarNumber(await running)).toBe(1);
      expect(scalarNumber(await other)).toBe(3);
      expect(scalarNumber(await latest)).toBe(2);
    },
    ENGINE_TIMEOUT,
  );

  it(
    'a real import, a locality save and view reads together each give a consistent answer',
    async () => {
      await createSchema(engine);
      await createGeographyTables(engine);
      // One view query over the three tables: one statement, so one snapshot.
      const overview = (key?: string) =>
        engine.read(
          `SELECT (SELECT count(*) FROM observation)::DOUBLE AS observations,
                  (SELECT count(*) FROM source_file)::DOUBLE AS sources,
                  (SELECT count(*) FROM area WHERE type = ?)::DOUBLE AS localities`,
          [AREA_TYPES.locality],
          key === undefined ? {} : { key },
        );
      const state = (t: Awaited<ReturnType<typeof overview>>) =>
        ['observations', 'sources', 'localities'].map((c) => numberColumn(t, c)[0]);
      const during: ReturnType<typeof overview>[] = [];
      let saving: Promise<Record<string, string[]>> | undefined;

      // fixtures/data/fingertips/indicators-CountyUA.data.csv: Fingertips indicator 93356,
      // counties and UAs (fixtures/data/SOURCES.md).
      const bytes = readFileSync('fixtures/data/fingertips/indicators-CountyUA.data.csv');
      const report: ImportReport = await importFile(
        engine,
        { name: 'indicators-CountyUA.data.csv', bytes },
        {
          onProgress: (p) => {
            // Both phases are reported inside the import's open transaction.
            if (p.phase === 'writing') {
              saving = saveLocalities(engine, [
                {
                  code: 'LOC-NORTH',
                  name: 'North locality',
                  memberType: AREA_TYPES.lsoa,
                  vintage: '2021',
                  parentCode: null,
                  members: ['E01000001', 'E01000002'],
                },
              ]);
            }
            if (p.phase === 'writing' || p.phase === 'done') {
              during.push(overview('view:overview'), overview('view:overview'), overview());
            }
          },
        },
      );
      expect(report.status).toBe('imported');
      const written = report.status === 'imported' ? (report.rowsWritten.observation ?? 0) : 0;
      // 852 records, as shared/import/fixtures.test.ts finds (a bare LF inside quoted CRLF records).
      expect(written).toBe(852);
      expect(saving).toBeDefined();
      // The locality's transaction waited for the import's; no LSOAs are loaded, so both
      // members are reported as unknown.
      expect(await saving).toEqual({ 'LOC-NORTH': ['E01000001', 'E01000002'] });

      // Every view answered from a committed state: before the import, after it, or after it and
      // the locality; never a part-written import (852 records: see above).
      const committed = [
        [0, 0, 0],
        [852, 1, 0],
        [852, 1, 1],
      ];
      const answers = await Promise.allSettled(during);
      expect(answers).toHaveLength(6);
      for (const answer of answers) {
        if (answer.status === 'rejected') expect(answer.reason).toBeInstanceOf(SupersededError);
        else expect(committed).toContainEqual(state(answer.value));
      }
      expect(answers.filter((a) => a.status === 'fulfilled').length).toBeGreaterThanOrEqual(4);

      // Afterwards the views see both, complete.
      expect(state(await overview())).toEqual([852, 1, 1]);
      expect((await readLocalities(engine)).map((x) => [x.code, x.members])).toEqual([
        ['LOC-NORTH', ['E01000001', 'E01000002']],
      ]);
    },
    ENGINE_TIMEOUT,
  );
});
