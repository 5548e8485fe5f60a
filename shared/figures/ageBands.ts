/** Age-band result columns shared by the population pyramid and the age-structure chart. */

export interface AgeBand {
  /** As shown on the axis, e.g. "0-4", "90+". */
  readonly label: string;
  /** First year of age in the band. */
  readonly min: number;
}

/**
 * Result columns: one row per area, band (and sex, for the pyramid). `percent` is the band's
 * share of the area's whole population (both sexes), 0-100.
 */
export interface AgeBandRows {
  readonly areaCode: readonly (string | null)[];
  readonly band: readonly (string | null)[];
  readonly sex?: readonly (string | null)[];
  readonly percent: Float64Array;
}

/** Sum of `percent` for one area over bands whose first age satisfies `test` (all sexes). */
export function shareWhere(
  rows: AgeBandRows,
  bands: readonly AgeBand[],
  areaCode: string,
  test: (minAge: number) => boolean,
): number {
  const mins = new Map(bands.map((b) => [b.label, b.min]));
  let total = 0;
  let found = false;
  for (let i = 0; i < rows.percent.length; i++) {
    if (rows.areaCode[i] !== areaCode) continue;
    const min = mins.get(rows.band[i] ?? '');
    if (min === undefined || !test(min)) continue;
    const v = rows.percent[i]!;
    if (Number.isFinite(v)) {
      total += v;
      found = true;
    }
  }
  return found ? total : Number.NaN;
}

/** Values of one area (and optionally one sex) in band order; NaN where missing. */
export function bandValues(
  rows: AgeBandRows,
  bands: readonly AgeBand[],
  areaCode: string,
  sexTest?: (sex: string | null) => boolean,
): number[] {
  const byBand = new Map<string, number>();
  for (let i = 0; i < rows.percent.length; i++) {
    if (rows.areaCode[i] !== areaCode) continue;
    if (sexTest !== undefined && !sexTest(rows.sex?.[i] ?? null)) continue;
    byBand.set(rows.band[i] ?? '', rows.percent[i]!);
  }
  return bands.map((b) => byBand.get(b.label) ?? Number.NaN);
}

/** Round for plotting (keeps specs readable; 3 decimals of a percentage is ample). */
export function round3(v: number): number | null {
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null;
}
