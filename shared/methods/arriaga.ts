/**
 * Life expectancy gap decomposition by age (Arriaga 1984) and by cause within age, as the OHID
 * Segment Tool does it.
 *
 * Population 1 is the one the gap is measured from (e.g. the most deprived decile), population 2
 * the comparator (e.g. the least deprived decile, or England); gap = e₂ − e₁ at the first band's
 * start age. With life-table columns l, L, T (`abridgedLifeTable`), l₀ = l₁ at the start age, and
 * the band [x, x + n) (Arriaga 1984, Demography 21:83-96; Preston, Heuveline & Guillot 2001, eq. 3.11):
 *   direct      = (l¹ₓ/l₀)·(L²ₓ/l²ₓ − L¹ₓ/l¹ₓ)
 *   indirect    = (T¹ₓ₊ₙ/l₀)·(l¹ₓ·l²ₓ₊ₙ / (l²ₓ·l¹ₓ₊ₙ) − 1)
 *   interaction = (l¹ₓ·l²ₓ₊ₙ/l²ₓ − l¹ₓ₊ₙ)·(e²ₓ₊ₙ − e¹ₓ₊ₙ)/l₀
 * (indirect + interaction = (T²ₓ₊ₙ/l₀)·(l¹ₓ/l²ₓ − l¹ₓ₊ₙ/l²ₓ₊ₙ)). The open last band has only a
 * direct effect: (l¹ₓ/l₀)·(T²ₓ/l²ₓ − T¹ₓ/l¹ₓ). The band totals sum to the gap exactly (it telescopes).
 *
 * By cause (Segment Tool; Preston et al. 2001, eq. 3.12): each band's total is shared among causes
 * in proportion to the difference in cause-specific rates,
 *   total_{x,c} = total_x · (m²_{x,c} − m¹_{x,c}) / (m²_x − m¹_x),
 * with m = cause deaths / population. Where m²_x = m¹_x the band total is 0 and so is every cause's.
 * Deaths not assigned to any cause form an "Other causes" residual so that causes sum to the total.
 *
 * Sign: a positive contribution means that band (or cause) widens the gap in population 2's favour.
 */
import type { AbridgedLifeTable, MortalityInput } from './abridgedLifeTable';
import { abridgedLifeTable } from './abridgedLifeTable';
import type { MethodWarning } from './errors';
import { MethodInputError } from './errors';

export interface CauseDeaths {
  /** Cause names, e.g. 'Circulatory', 'Cancer', 'Respiratory'. */
  readonly causes: readonly string[];
  /** deaths[c][i]: deaths from cause c in age band i, for population 1 and 2. */
  readonly deaths1: readonly (readonly number[])[];
  readonly deaths2: readonly (readonly number[])[];
}

export interface ArriagaInput {
  /** Population 1 (gap measured from). Cause splitting needs `deaths` and `population`. */
  readonly population1: MortalityInput;
  /** Population 2 (comparator). Must have the same age bands as population 1. */
  readonly population2: MortalityInput;
  /** Optional cause-specific deaths for the split by cause. */
  readonly causes?: CauseDeaths;
}

export interface CauseContribution {
  readonly cause: string;
  readonly years: number;
  /** Share of the whole gap, in percent; null when the gap is 0. */
  readonly percent: number | null;
}

export interface ArriagaBand {
  readonly ageStart: number;
  /** End of the band (exclusive), or null for the open last band. */
  readonly ageEnd: number | null;
  readonly direct: number;
  readonly indirect: number;
  readonly interaction: number;
  /** direct + indirect + interaction, in years. */
  readonly total: number;
  readonly percent: number | null;
  readonly causes?: readonly CauseContribution[];
}

export interface ArriagaResult {
  readonly startAge: number;
  readonly e1: number;
  readonly e2: number;
  /** e2 − e1. */
  readonly gap: number;
  readonly bands: readonly ArriagaBand[];
  /** Cause totals over all bands (when causes were given). */
  readonly causeTotals?: readonly CauseContribution[];
  readonly table1: AbridgedLifeTable;
  readonly table2: AbridgedLifeTable;
  readonly warnings: readonly MethodWarning[];
}

/** The life-table columns the age decomposition needs (e.g. from `abridgedLifeTable`, or published tables). */
export interface LifeTableColumns {
  readonly ageStart: readonly number[];
  /** Survivors to the start of each band (any radix). */
  readonly lx: readonly number[];
  /** Person-years lived in each band (the last band open-ended). */
  readonly Lx: readonly number[];
  /** Person-years lived from the start of each band onwards. */
  readonly Tx: readonly number[];
  readonly group?: string;
}

export interface ArriagaByAge {
  readonly startAge: number;
  readonly e1: number;
  readonly e2: number;
  readonly gap: number;
  readonly bands: readonly ArriagaBand[];
}

/** Arriaga decomposition by age of e₂ − e₁ from two life tables with the same age bands. */
export function arriagaByAge(t1: LifeTableColumns, t2: LifeTableColumns): ArriagaByAge {
  checkTable(t1, 'population1');
  checkTable(t2, 'population2');
  if (
    t1.ageStart.length !== t2.ageStart.length ||
    t1.ageStart.some((a, i) => a !== t2.ageStart[i])
  ) {
    throw new MethodInputError('both populations need the same age bands', t2.group, 'ageStart');
  }
  const k = t1.ageStart.length;
  const l0 = t1.lx[0]!;
  const e = (t: LifeTableColumns, i: number): number => t.Tx[i]! / t.lx[i]!;
  const gap = e(t2, 0) - e(t1, 0);
  const bands: ArriagaBand[] = [];
  for (let i = 0; i < k; i++) {
    const open = i === k - 1;
    const l1 = t1.lx[i]!;
    const l2 = t2.lx[i]!;
    let direct: number;
    let indirect = 0;
    let interaction = 0;
    if (open) {
      direct = (l1 / l0) * (t2.Tx[i]! / l2 - t1.Tx[i]! / l1);
    } else {
      direct = (l1 / l0) * (t2.Lx[i]! / l2 - t1.Lx[i]! / l1);
      const extraSurvivors = (l1 * t2.lx[i + 1]!) / l2 - t1.lx[i + 1]!; // pop-1 survivors at x + n under pop-2 survival in [x, x + n)
      indirect = (extraSurvivors * e(t1, i + 1)) / l0;
      interaction = (extraSurvivors * (e(t2, i + 1) - e(t1, i + 1))) / l0;
    }
    const total = direct + indirect + interaction;
    const ageEnd = open ? null : t1.ageStart[i + 1]!;
    bands.push({
      ageStart: t1.ageStart[i]!,
      ageEnd,
      direct,
      indirect,
      interaction,
      total,
      percent: percentOf(total, gap),
    });
  }
  return { startAge: t1.ageStart[0]!, e1: e(t1, 0), e2: e(t2, 0), gap, bands };
}

/** Age (and, with `causes`, cause) decomposition from deaths and populations or rates. */
export function arriagaDecomposition(input: ArriagaInput): ArriagaResult {
  const { population1: p1, population2: p2 } = input;
  if (
    p1.ageStart.length !== p2.ageStart.length ||
    p1.ageStart.some((a, i) => a !== p2.ageStart[i])
  ) {
    throw new MethodInputError('both populations need the same age bands', p2.group, 'ageStart');
  }
  const t1 = abridgedLifeTable(p1);
  const t2 = abridgedLifeTable(p2);
  const byAge = arriagaByAge(t1, t2);
  const { gap } = byAge;
  const warnings: MethodWarning[] = [];
  const base = { ...byAge, table1: t1, table2: t2, warnings };
  if (!input.causes) return base;

  const split = causeRates(input, t1, t2, warnings);
  const bands = byAge.bands.map((band, i): ArriagaBand => {
    const dm = t2.mx[i]! - t1.mx[i]!;
    const causes = split.names.map((cause, c) => {
      // `|| 0` turns −0 (a zero rate difference over a negative total difference) into 0.
      const years = dm === 0 ? 0 : (band.total * (split.m2[c]![i]! - split.m1[c]![i]!)) / dm || 0;
      return { cause, years, percent: percentOf(years, gap) };
    });
    if (dm === 0 && split.m1.some((m, c) => m[i] !== split.m2[c]![i])) {
      warnings.push({
        group: p1.group,
        message: `age ${String(band.ageStart)}: all-cause rates are equal, so cause contributions are set to 0`,
      });
    }
    return { ...band, causes };
  });
  const causeTotals = split.names.map((cause, c) => {
    const years = bands.reduce((acc, b) => acc + b.causes![c]!.years, 0);
    return { cause, years, percent: percentOf(years, gap) };
  });
  return { ...base, bands, causeTotals };
}

function percentOf(years: number, gap: number): number | null {
  return gap === 0 ? null : (100 * years) / gap;
}

function checkTable(t: LifeTableColumns, name: string): void {
  const k = t.ageStart.length;
  for (const field of ['lx', 'Lx', 'Tx'] as const) {
    const col = t[field];
    if (col.length !== k)
      throw new MethodInputError(
        `${name} has ${String(col.length)} entries but ${String(k)} age bands`,
        t.group,
        field,
      );
    col.forEach((v, i) => {
      if (!(Number.isFinite(v) && v >= 0) || (field !== 'Lx' && v === 0)) {
        throw new MethodInputError(
          `${name} at age ${String(t.ageStart[i])}: ${String(v)} must be finite and positive`,
          t.group,
          field,
        );
      }
    });
  }
}

/** Cause-specific rates m[c][i] for both populations, plus an "Other causes" residual when needed. */
function causeRates(
  input: ArriagaInput,
  t1: AbridgedLifeTable,
  t2: AbridgedLifeTable,
  warnings: MethodWarning[],
): { names: string[]; m1: number[][]; m2: number[][] } {
  const { causes } = input;
  const names = [...causes!.causes];
  const k = t1.ageStart.length;
  const rates = (which: 1 | 2): number[][] => {
    const pop = which === 1 ? input.population1 : input.population2;
    const table = which === 1 ? t1 : t2;
    const deaths = which === 1 ? causes!.deaths1 : causes!.deaths2;
    const field = `causes.deaths${String(which)}`;
    if (!pop.population || !pop.deaths) {
      throw new MethodInputError(
        'the split by cause needs deaths and population for both populations',
        pop.group,
        'population',
      );
    }
    if (deaths.length !== names.length)
      throw new MethodInputError(
        `has ${String(deaths.length)} causes but ${String(names.length)} names`,
        pop.group,
        field,
      );
    const m = deaths.map((row, c) => {
      if (row.length !== k)
        throw new MethodInputError(
          `cause '${names[c]!}' has ${String(row.length)} age bands, not ${String(k)}`,
          pop.group,
          field,
        );
      return row.map((dth, i) => {
        if (!(Number.isFinite(dth) && dth >= 0))
          throw new MethodInputError(
            `cause '${names[c]!}' at age ${String(t1.ageStart[i])}: ${String(dth)} is not a count ≥ 0`,
            pop.group,
            field,
          );
        return dth / pop.population![i]!;
      });
    });
    const residual = table.mx.map((total, i) => total - m.reduce((acc, row) => acc + row[i]!, 0));
    residual.forEach((r, i) => {
      if (r < -1e-9 * table.mx[i]!) {
        throw new MethodInputError(
          `cause deaths at age ${String(t1.ageStart[i])} exceed all-cause deaths`,
          pop.group,
          field,
        );
      }
    });
    m.push(residual.map((r) => Math.max(r, 0)));
    return m;
  };
  const m1 = rates(1);
  const m2 = rates(2);
  const hasResidual = [...m1[names.length]!, ...m2[names.length]!].some((r) => r > 0);
  if (hasResidual) {
    names.push('Other causes');
    warnings.push({
      group: input.population1.group,
      message: "deaths not assigned to a cause are shown as 'Other causes'",
    });
  } else {
    m1.pop();
    m2.pop();
  }
  return { names, m1, m2 };
}
