/**
 * A plain abridged period life table from age-specific mortality rates, for decomposition
 * (`arriaga.ts`). Point values only: the Chiang II confidence intervals and suppression rules live
 * in `lifeExpectancy.ts`.
 *
 * Construction (Chiang 1984; the PHE life expectancy calculator, as used by the OHID Segment Tool):
 *   m_x = deaths / population;  n = width of the band;  a_x = fraction of the band lived by those
 *   who die in it (default 0.1 for a [0, 1) infant band, 0.5 otherwise);
 *   q_x = n·m_x / (1 + n(1 − a_x)·m_x);  l_0 = 100,000;  d_x = l_x·q_x;  l_{x+n} = l_x − d_x;
 *   L_x = n·(l_x − d_x) + a_x·n·d_x;  the last band is open: q = 1, L = l/m;  T_x = Σ_{y≥x} L_y;
 *   e_x = T_x / l_x.
 */
import { MethodInputError } from './errors';

export interface MortalityInput {
  /** Start age of each band, strictly increasing; the last band is open-ended (e.g. 90+). */
  readonly ageStart: readonly number[];
  /** Deaths in each band (with `population`), or give `mx` directly. */
  readonly deaths?: readonly number[];
  readonly population?: readonly number[];
  /** Age-specific mortality rates per person-year (deaths / population). */
  readonly mx?: readonly number[];
  /** Optional a_x per band; default 0.1 for [0, 1), else 0.5. The open band's a_x is not used. */
  readonly ax?: readonly number[];
  /** For error messages, e.g. `Population=Most deprived decile`. */
  readonly group?: string;
}

export interface AbridgedLifeTable {
  readonly ageStart: readonly number[];
  readonly mx: readonly number[];
  readonly qx: readonly number[];
  readonly lx: readonly number[];
  readonly Lx: readonly number[];
  readonly Tx: readonly number[];
  readonly ex: readonly number[];
}

export const LIFE_TABLE_RADIX = 100_000;

/** Rates per band from either `mx` or `deaths`/`population`, validated. */
export function mortalityRates(input: MortalityInput): number[] {
  const { ageStart, group } = input;
  const k = ageStart.length;
  if (k < 2)
    throw new MethodInputError(
      'needs at least two age bands (the last is open-ended)',
      group,
      'ageStart',
    );
  ageStart.forEach((a, i) => {
    if (!Number.isFinite(a) || a < 0)
      throw new MethodInputError(`age ${String(a)} is not a valid start age`, group, 'ageStart');
    if (i > 0 && a <= ageStart[i - 1]!)
      throw new MethodInputError('start ages must be strictly increasing', group, 'ageStart');
  });
  const column = (name: string, col: readonly number[] | undefined): readonly number[] => {
    if (!col) throw new MethodInputError('give mx, or deaths and population', group, name);
    if (col.length !== k)
      throw new MethodInputError(
        `has ${String(col.length)} entries but there are ${String(k)} age bands`,
        group,
        name,
      );
    col.forEach((v, i) => {
      if (!(Number.isFinite(v) && v >= 0)) {
        throw new MethodInputError(
          `${String(v)} at age ${String(ageStart[i])} must be a finite number ≥ 0`,
          group,
          name,
        );
      }
    });
    return col;
  };
  let mx: number[];
  if (input.mx) {
    mx = [...column('mx', input.mx)];
  } else {
    const deaths = column('deaths', input.deaths);
    const population = column('population', input.population);
    mx = deaths.map((dth, i) => {
      if (!(population[i]! > 0))
        throw new MethodInputError(
          `population at age ${String(ageStart[i])} must be greater than 0`,
          group,
          'population',
        );
      return dth / population[i]!;
    });
  }
  if (!(mx[k - 1]! > 0)) {
    throw new MethodInputError(
      'the open-ended last band needs a mortality rate above 0 (L = l/m)',
      group,
      input.mx ? 'mx' : 'deaths',
    );
  }
  return mx;
}

/** Build the life table (see module comment). */
export function abridgedLifeTable(input: MortalityInput): AbridgedLifeTable {
  const mx = mortalityRates(input);
  const { ageStart, group } = input;
  const k = ageStart.length;
  if (input.ax && input.ax.length !== k)
    throw new MethodInputError(`has ${String(input.ax.length)} entries`, group, 'ax');
  const qx: number[] = [];
  const lx: number[] = [LIFE_TABLE_RADIX];
  const Lx: number[] = [];
  for (let i = 0; i < k; i++) {
    const l = lx[i]!;
    if (i === k - 1) {
      qx.push(1);
      Lx.push(l / mx[i]!);
      break;
    }
    const n = ageStart[i + 1]! - ageStart[i]!;
    const a = input.ax?.[i] ?? (ageStart[i] === 0 && n === 1 ? 0.1 : 0.5);
    if (!(a >= 0 && a <= 1))
      throw new MethodInputError(`a_x ${String(a)} must be in [0, 1]`, group, 'ax');
    const q = (n * mx[i]!) / (1 + n * (1 - a) * mx[i]!);
    if (!(q < 1)) {
      throw new MethodInputError(
        `mortality at age ${String(ageStart[i])} gives q ≥ 1 before the open band`,
        group,
        'mx',
      );
    }
    const d = l * q;
    qx.push(q);
    lx.push(l - d);
    Lx.push(n * (l - d) + a * n * d);
  }
  const Tx = new Array<number>(k);
  let t = 0;
  for (let i = k - 1; i >= 0; i--) {
    t += Lx[i]!;
    Tx[i] = t;
  }
  const ex = Tx.map((T, i) => (lx[i]! > 0 ? T / lx[i]! : 0));
  return { ageStart: [...ageStart], mx, qx, lx, Lx, Tx, ex };
}
