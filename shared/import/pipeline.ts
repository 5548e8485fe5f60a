/** Placeholder while the pipeline lands; see index.ts for the contract. */
import type { Engine } from '../engine/engine';
import { createSchema } from '../model/schema';
import { ImportError } from './errors';
import type { ImportInput, ImportOptions, ImportReport } from './types';

export async function runImport(
  engine: Engine,
  input: ImportInput,
  _options: ImportOptions,
): Promise<ImportReport> {
  await createSchema(engine);
  throw new ImportError(
    'unsupported-format',
    input.name,
    'This build cannot import files yet.',
    'Update JSNA Workbench.',
  );
}
