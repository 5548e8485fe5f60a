/**
 * English Indices of Deprivation (MHCLG): the LSOA files (File 1 IMD, File 2 domains, and
 * others with `<Domain> Rank|Decile|Score` columns), File 6 population denominators, and two
 * common reshapes: LAD summaries in long form (Trafford Data Lab) and MSOA aggregates.
 *
 * The IMD itself goes to `deprivation` (one row per LSOA); every other domain and measure to
 * the long `deprivation_measure`. Ranks are often written "29,199": cells.ts reads them.
 */
import { FieldReader } from './fields';
import { findHeader, type TabularFormat } from './format';

function vintageFrom(text: string): string {
  const m = /(20\d\d)/.exec(text);
  return m === null ? 'IMD' : `IMD${m[1]!}`;
}

/** `Income Rank (where 1 is most deprived)` -> domain `Income`, measure `rank`. */
function domainColumn(header: string): { domain: string; measure: string } | null {
  const clean = header.replace(/\s+/g, ' ').replace(/\(where.*$/i, '').trim();
  const m = /^(.*?)\s+(Rank|Decile|Score)$/i.exec(clean);
  if (m === null) return null;
  let domain = m[1]!.trim();
  if (/index of multiple deprivation/i.test(domain)) domain = 'IMD';
  return { domain, measure: m[2]!.toLowerCase() };
}

export const iodLsoa: TabularFormat = {
  id: 'iod-lsoa',
  label: 'English Indices of Deprivation LSOA file (ranks, deciles, scores)',
  detect: (sample) =>
    findHeader(sample, (h) => (h[0] === 'lsoacode2011' || h[0] === 'lsoacode2021') && h.some((c) => /(rank|decile|score)/.test(c)), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const vintage = vintageFrom(header[2] ?? header[0]!);
    const cols = header.map((h, index) => ({ index, ...domainColumn(h) })).filter((c): c is { index: number; domain: string; measure: string } => c.domain !== undefined);
    const imd = (measure: string): number => cols.find((c) => c.domain === 'IMD' && c.measure === measure)?.index ?? -1;
    const [score, rank, decile] = [imd('score'), imd('rank'), imd('decile')];
    const hasImd = score >= 0 || rank >= 0 || decile >= 0;
    const others = cols.filter((c) => c.domain !== 'IMD');
    return {
      row(f, n) {
        const lsoa = read.text(f, 0) ?? '';
        const lad = read.text(f, 2);
        ctx.area(lsoa, read.text(f, 1), 'LSOA', lad);
        if (lad !== null) ctx.area(lad, read.text(f, 3), 'LAD');
        ctx.validator.areaCode(lsoa, n);
        if (hasImd) {
          ctx.write('deprivation', { lsoa_code: lsoa, lsoa_name: read.text(f, 1), lad_code: lad, lad_name: read.text(f, 3), vintage, imd_score: read.value(f, score, n), imd_rank: read.value(f, rank, n), imd_decile: read.value(f, decile, n) });
        }
        for (const c of others) {
          ctx.write('deprivation_measure', { area_code: lsoa, area_level: 'LSOA', vintage, domain: c.domain, measure: c.measure, value: read.value(f, c.index, n) });
        }
      },
    };
  },
};

/** File 6 columns: band label, age range. */
function denominatorBand(header: string): { band: string; min: number | null; max: number | null } | null {
  const h = header.toLowerCase();
  if (h.startsWith('total population')) return { band: 'All ages', min: 0, max: null };
  if (h.includes('0-15')) return { band: '0-15', min: 0, max: 15 };
  if (h.includes('16-59')) return { band: '16-59', min: 16, max: 59 };
  if (h.includes('60 and over')) return { band: '60+', min: 60, max: null };
  if (h.includes('working age')) return { band: 'Working age (18-59/64)', min: 18, max: 64 };
  return null;
}

export const iodDenominators: TabularFormat = {
  id: 'iod-denominators',
  label: 'English Indices of Deprivation File 6: population denominators',
  detect: (sample) => findHeader(sample, (h) => (h[0] === 'lsoacode2011' || h[0] === 'lsoacode2021') && h.some((c) => c.startsWith('totalpopulation')), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const year = Number(/mid (\d{4})/i.exec(header.join(' '))?.[1] ?? 'NaN');
    const bands = header.map((h, index) => ({ index, b: denominatorBand(h) })).filter((c) => c.b !== null);
    return {
      row(f, n) {
        const lsoa = read.text(f, 0) ?? '';
        ctx.area(lsoa, read.text(f, 1), 'LSOA', read.text(f, 2));
        ctx.validator.areaCode(lsoa, n);
        for (const { index, b } of bands) {
          ctx.write('population', { area_code: lsoa, year: Number.isNaN(year) ? null : year, sex: 'Persons', age_band: b!.band, age_min: b!.min, age_max: b!.max, count: read.value(f, index, n) });
        }
      },
    };
  },
};

const LAD_MEASURES = ['average_rank', 'rank_average_rank', 'average_score', 'rank_average_score', 'proportion_bottom_decile', 'rank_proportion_bottom_decile'];

export const iodLadSummaryLong: TabularFormat = {
  id: 'iod-lad-summary-long',
  label: 'Indices of Deprivation LAD summaries (long form)',
  detect: (sample) => findHeader(sample, (h) => h.includes('indexdomain') && h.includes('averagerank') && h.some((c) => /^lad\d\dcd$/.test(c)), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const lower = header.map((h) => h.trim().toLowerCase());
    const code = lower.findIndex((h) => /^lad\d\dcd$/.test(h));
    const name = lower.findIndex((h) => /^lad\d\dnm$/.test(h));
    const domainAt = lower.indexOf('index_domain');
    const yearAt = lower.indexOf('year');
    const measures = LAD_MEASURES.map((m) => ({ m, index: lower.indexOf(m) })).filter((m) => m.index >= 0);
    return {
      row(f, n) {
        const lad = read.text(f, code) ?? '';
        ctx.area(lad, read.text(f, name), 'LAD');
        ctx.validator.areaCode(lad, n);
        const vintage = `IMD${read.text(f, yearAt) ?? ''}`;
        let domain = read.text(f, domainAt) ?? '';
        if (/index of multiple deprivation/i.test(domain)) domain = 'IMD';
        for (const { m, index } of measures) {
          ctx.write('deprivation_measure', { area_code: lad, area_level: 'LAD', vintage, domain, measure: m, value: read.value(f, index, n) });
        }
      },
    };
  },
};

export const imdMsoaScores: TabularFormat = {
  id: 'imd-msoa-scores',
  label: 'IMD 2019 MSOA aggregates (scores, ranks, deciles)',
  detect: (sample) => findHeader(sample, (h) => h[0] === 'msoac' && h.includes('imd19score'), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const lower = header.map((h) => h.trim().toUpperCase());
    const at = (name: string): number => lower.indexOf(name);
    const measures = [
      ['score', at('IMD19 SCORE')],
      ['rank', at('MSOARANK')],
      ['decile', at('MSOADECILE')],
      ['quintile', at('MSOAQUINTILE')],
    ] as const;
    return {
      row(f, n) {
        const msoa = read.text(f, 0) ?? '';
        ctx.area(msoa, read.text(f, at('MSOAHOCLN')), 'MSOA', read.text(f, at('LAD19C')));
        ctx.validator.areaCode(msoa, n);
        for (const [measure, index] of measures) {
          if (index >= 0) ctx.write('deprivation_measure', { area_code: msoa, area_level: 'MSOA', vintage: 'IMD2019', domain: 'IMD', measure, value: read.value(f, index, n) });
        }
      },
    };
  },
};
