/** Row counts of the workspace's tables (the ones a saved workspace holds: no `_` staging tables). */
import type { Engine } from '../../../shared/engine/engine';
import { ident } from '../../../shared/engine/sql';

export interface TableCount {
  readonly name: string;
  readonly rows: number;
}

export async function listTables(engine: Engine): Promise<TableCount[]> {
  const t = await engine.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const names = (t.getChild('table_name')!.toArray() as string[]).filter((n) => !n.startsWith('_'));
  const out: TableCount[] = [];
  for (const name of names) {
    const c = await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${ident(name)}`);
    out.push({ name, rows: Number(c.getChild('n')!.get(0)) });
  }
  return out;
}
