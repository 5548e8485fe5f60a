/**
 * Population tables:
 * - ONS mid-year estimates by single year of age (MYE2 layout: `Code, Name, Geography,
 *   All ages, 0, 1, ..., 90+`), as CSV or as the XLSX sheet (title lines above the header);
 * - population by IMD decile, sex and age in long form (`sex, imd_decile, age, population`),
 *   and the ONS workbook it comes from (sex in merged cells, deciles down, ages across);
 * - a standard population (`AgeGroup, EuropeanStandardPopulation`, the PHS open-data layout).
 *
 * The MYE layout does not say which sex or year a sheet holds. Both are read from the title
 * lines when present (XLSX: "MYE2 - Males ... mid-2020") or from the file name
 * (`..._mid2020_males_...csv`); without either the import stops and says how to fix it.
 */
import { parseAgeBand } from '../../model/standardPopulation';
import { ImportError } from '../errors';
import { FieldReader, normaliseSex } from './fields';
import { findHeader, type TabularFormat } from './format';

function yearFrom(text: string): number | null {
  const m = /mid[-_ ]?(\d{4})/i.exec(text);
  return m === null ? null : Number(m[1]);
}

function sexFrom(text: string): string | null {
  const t = text.toLowerCase();
  if (/\bfemales?\b|_females?_|-females?\b/.test(t)) return 'Female';
  if (/\bmales?\b|_males?_|-males?\b/.test(t)) return 'Male';
  if (/\bpersons\b|_persons_|-persons\b/.test(t)) return 'Persons';
  return null;
}

export const onsMidYearEstimates: TabularFormat = {
  id: 'ons-mye-single-year',
  label: 'ONS mid-year population estimates by single year of age',
  detect: (sample) => findHeader(sample, (h) => h[0] === 'code' && h[1] === 'name' && h.includes('allages') && h.includes('0') && h.includes('90')),
  start(ctx, header, preamble) {
    const read = new FieldReader(ctx, header);
    const titles = preamble.map((r) => r.join(' ')).join(' ');
    const year = yearFrom(titles) ?? yearFrom(ctx.file);
    const sex = sexFrom(titles) ?? sexFrom(ctx.file.replace(/.*[\\/]/, ''));
    if (year === null || sex === null) {
      throw new ImportError('missing-column', ctx.file, `The file does not say which ${year === null ? 'year' : 'sex'} it holds (no title line, and the file name does not say).`, 'Keep the title lines from the ONS workbook, or include e.g. "mid2020" and "males" in the file name.');
    }
    const allAges = header.findIndex((h) => h.trim().toLowerCase() === 'all ages');
    const ages = header
      .map((h, index) => ({ index, label: h.trim(), band: index > allAges ? parseAgeBand(h) : null }))
      .filter((a) => a.band !== null);
    const typeAt = header.findIndex((h) => h.trim().toLowerCase() === 'geography');
    let mismatches = 0;
    return {
      row(f, n) {
        const code = read.text(f, 0) ?? '';
        ctx.area(code, read.text(f, 1), read.text(f, typeAt));
        ctx.validator.areaCode(code, n);
        let sum = 0;
        for (const a of ages) {
          const count = read.value(f, a.index, n);
          sum += count ?? 0;
          ctx.write('population', { area_code: code, year, sex, age_band: a.label, age_min: a.band!.min, age_max: a.band!.max, count });
        }
        const total = read.value(f, allAges, n);
        if (total !== null && Math.abs(total - sum) > 0.5 && mismatches++ < 1) {
          ctx.problems.add('implausible-value', 'warning', `The single years add up to ${String(sum)}, not the "All ages" ${String(total)}.`, 'Check for a missing or shifted column.', { row: n, column: 'All ages' });
        }
      },
    };
  },
};

export const populationByImdDecile: TabularFormat = {
  id: 'ons-population-by-imd-decile-long',
  label: 'ONS population by IMD decile, sex and age (long form)',
  detect: (sample) => findHeader(sample, (h) => h.length === 4 && h.includes('sex') && h.includes('imddecile') && h.includes('age') && h.includes('population'), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const lower = header.map((h) => h.trim().toLowerCase());
    const [sexAt, decileAt, ageAt, popAt] = ['sex', 'imd_decile', 'age', 'population'].map((c) => lower.indexOf(c)) as [number, number, number, number];
    const year = yearFrom(ctx.file);
    if (year === null) {
      throw new ImportError('missing-column', ctx.file, 'The file does not say which year it holds.', 'Include e.g. "mid2020" in the file name.');
    }
    return {
      row(f, n) {
        const age = read.text(f, ageAt) ?? '';
        const band = parseAgeBand(age);
        ctx.write('population', { area_code: 'E92000001', year, sex: normaliseSex(read.text(f, sexAt)) ?? 'Persons', age_band: age, age_min: band?.min ?? null, age_max: band?.max ?? null, category_type: 'IMD2019 decile', category: read.text(f, decileAt), count: read.value(f, popAt, n) });
      },
    };
  },
};

const COUNTRY_CODES: Readonly<Record<string, string>> = { England: 'E92000001', Wales: 'W92000004' };

/**
 * ONS "Population estimates by sex, single year of age and IMD decile" workbook sheet: title
 * "..., England, 2020", header `Deprivation Decile (IMD ...), 0, 1, ..., 90+`, the sex label
 * only on the first row of each block (a merged cell), then footnotes.
 */
export const populationByImdDecileWorkbook: TabularFormat = {
  id: 'ons-population-by-imd-decile-workbook',
  label: 'ONS population by IMD decile, sex and single year of age (workbook sheet)',
  ragged: 'any',
  detect: (sample) => findHeader(sample, (h) => (h[1] ?? '').startsWith('deprivationdecile') && h.includes('0') && h.includes('90')),
  start(ctx, header, preamble) {
    const read = new FieldReader(ctx, header);
    const title = preamble.map((r) => r.join(' ')).find((t) => /deprivation decile/i.test(t)) ?? '';
    const place = /,\s*(England|Wales)\s*,\s*(\d{4})/.exec(title);
    if (place === null) {
      throw new ImportError('missing-column', ctx.file, 'The sheet title does not say which country and year it holds (expected "..., England, 2020").', 'Keep the title row from the ONS workbook above the table.');
    }
    const area = COUNTRY_CODES[place[1]!]!;
    const year = Number(place[2]);
    const categoryType = header[1]!.trim();
    const ages = header.map((h, index) => ({ index, label: h.trim(), band: index > 1 ? parseAgeBand(h) : null })).filter((a) => a.band !== null);
    let sex: string | null = null;
    return {
      // Footnotes below the table have no decile.
      endsTable: (f) => (f[1] ?? '').trim() === '',
      row(f, n) {
        sex = normaliseSex(read.text(f, 0)) ?? sex;
        if (sex === null) {
          throw new ImportError('invalid-value', ctx.file, 'The first data row has no sex label.', 'Keep the "Males"/"Females" labels in the first column.', n, header[0]);
        }
        const decile = read.text(f, 1);
        for (const a of ages) {
          ctx.write('population', { area_code: area, year, sex, age_band: a.label, age_min: a.band!.min, age_max: a.band!.max, category_type: categoryType, category: decile, count: read.value(f, a.index, n) });
        }
      },
    };
  },
};

export const standardPopulation: TabularFormat = {
  id: 'standard-population',
  label: 'European Standard Population 2013 (PHS layout)',
  detect: (sample) => findHeader(sample, (h) => h.length === 2 && h[0] === 'agegroup' && h[1] === 'europeanstandardpopulation', 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    return {
      row(f, n) {
        const label = read.text(f, 0) ?? '';
        const band = parseAgeBand(label);
        if (band === null) {
          throw new ImportError('invalid-value', ctx.file, `"${label}" is not an age band.`, 'Age bands look like "0-4 years" or "90plus years".', n, header[0]);
        }
        const count = read.value(f, 1, n);
        if (count === null) {
          throw new ImportError('invalid-value', ctx.file, 'A standard population needs a count in every band.', 'Fill in the missing count.', n, header[1]);
        }
        ctx.write('standard_population', { name: 'ESP2013', age_band: label, age_min: band.min, age_max: band.max, count });
      },
    };
  },
};
