/**
 * The problem list an import produces. A 1,000,000-row file with one systematic issue would
 * otherwise produce a million identical messages, so each code keeps its first
 * `PER_CODE_LIMIT` entries and counts the rest; the report says how many were left out.
 */
import { detach } from './detach';
import type { ImportProblem, ProblemCode, ProblemSeverity } from './types';

export const PER_CODE_LIMIT = 50;

export class ProblemList {
  private readonly items: ImportProblem[] = [];
  private readonly perCode = new Map<ProblemCode, number>();
  private readonly overflow: Partial<Record<ProblemCode, number>> = {};

  constructor(readonly file: string) {}

  add(
    code: ProblemCode,
    severity: ProblemSeverity,
    message: string,
    action: string,
    where: { row?: number; column?: string } = {},
  ): void {
    const seen = this.perCode.get(code) ?? 0;
    this.perCode.set(code, seen + 1);
    if (seen >= PER_CODE_LIMIT) {
      this.overflow[code] = (this.overflow[code] ?? 0) + 1;
      return;
    }
    // Messages quote cells; detach them so a kept message does not pin a parsed chunk.
    this.items.push({ code, severity, file: this.file, message: detach(message), action, ...(where.row === undefined ? {} : { row: where.row }), ...(where.column === undefined ? {} : { column: detach(where.column) }) });
  }

  /** How many problems of this code were seen (listed or not). */
  count(code: ProblemCode): number {
    return this.perCode.get(code) ?? 0;
  }

  get list(): readonly ImportProblem[] {
    return this.items;
  }

  get truncated(): Partial<Record<ProblemCode, number>> {
    return this.overflow;
  }
}
