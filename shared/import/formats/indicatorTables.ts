/**
 * Long indicator tables that are not Fingertips exports but map onto `observation`:
 * - ONS Subnational indicators explorer machine-readable CSV (compact periods `201820`);
 * - OHID Local Health data-store extracts (`Code;Label;<indicator>;...`, one column per
 *   indicator, `N/A` for suppressed, trailing commas glued to the last field);
 * - PHEindicatormethods test data: life expectancy by deprivation decile, and NCMP by
 *   national decile (school-year codes `607` = 2006/07).
 */
import { parseCompactPeriod, parseSchoolYearCode } from '../periods';
import { FieldReader, isPercentUnit, normaliseSex } from './fields';
import { findHeader, type TabularFormat } from './format';

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const ONS_SNI = ['areacd', 'areanm', 'geography', 'indicator', 'category', 'period', 'measure', 'unit', 'value'];

export const onsSubnational: TabularFormat = {
  id: 'ons-subnational-indicators',
  label: 'ONS Subnational indicators explorer (machine-readable)',
  detect: (sample) => findHeader(sample, (h) => ONS_SNI.every((c) => h.includes(c))),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const lower = header.map((h) => h.trim().toLowerCase());
    const at = (c: string): number => lower.indexOf(c);
    const [code, name, geo, ind, cat, per, measure, unit, val] = ONS_SNI.map((c) => at(c === 'areacd' ? 'areacd' : c)) as number[];
    return {
      row(f, n) {
        const indicatorName = read.text(f, ind!) ?? '';
        const id = `ons-sni-${slug(indicatorName)}`;
        const measureText = read.text(f, measure!);
        ctx.indicator(id, { name: indicatorName, unit: read.text(f, unit!), value_type: measureText, source: `ONS Subnational indicators explorer: ${read.text(f, cat!) ?? ''}` });
        const areaCode = read.text(f, code!) ?? '';
        const areaName = read.text(f, name!);
        const areaType = read.text(f, geo!);
        ctx.area(areaCode, areaName, areaType);
        const period = parseCompactPeriod(read.text(f, per!) ?? '');
        const value = read.number(f, val!, n);
        const sex = /^female\b/i.test(indicatorName) ? 'Female' : /^male\b/i.test(indicatorName) ? 'Male' : 'Persons';
        ctx.observation({ indicator_id: id, area_code: areaCode, area_name: areaName, area_type: areaType, period: period.label, period_start: period.start, period_end: period.end, sex, value: value.value, null_reason: value.reason }, n, isPercentUnit(measureText));
      },
    };
  },
};

function areaTypeFromCode(code: string): string | null {
  const prefix = code.slice(0, 3);
  const types: Readonly<Record<string, string>> = { E02: 'MSOA', E01: 'LSOA', E06: 'UA', E07: 'District', E08: 'Metropolitan District', E09: 'London Borough', E10: 'County', E12: 'Region', E92: 'Country' };
  return types[prefix] ?? null;
}

export const localHealth: TabularFormat = {
  id: 'local-health',
  label: 'OHID Local Health data extract',
  detect: (sample) => findHeader(sample, (h) => h[0] === 'code' && h[1] === 'label' && h.length > 3 && h.slice(2).some((c) => c.startsWith('deathsfrom') || c.startsWith('lifeexpectancy')), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const indicators = header.slice(2).map((h, i) => ({ index: i + 2, name: h.replace(/,+$/, '').trim() }));
    for (const ind of indicators) {
      ctx.indicator(`localhealth-${slug(ind.name)}`, { name: ind.name, value_type: /life expectancy/i.test(ind.name) ? 'Life expectancy' : /limiting long-term/i.test(ind.name) ? 'Proportion' : 'Standardised ratio', source: 'OHID Local Health' });
    }
    ctx.problems.add('other', 'info', 'Local Health extracts do not state their period; the values were stored with period "not stated".', 'Record the period from the Local Health metadata (typically 5 pooled years) when you report these values.');
    const last = header.length - 1;
    return {
      row(f, n) {
        // Every data row ends with a run of commas glued to the last field (",,,,,,,,,,,").
        const fields = f.map((v, i) => (i === last ? v.replace(/,+$/, '') : v));
        const code = read.text(fields, 0) ?? '';
        const name = read.text(fields, 1);
        const type = areaTypeFromCode(code);
        ctx.area(code, name, type);
        for (const ind of indicators) {
          const value = read.number(fields, ind.index, n);
          ctx.observation({ indicator_id: `localhealth-${slug(ind.name)}`, area_code: code, area_name: name, area_type: type, period: 'not stated', sex: /for females/i.test(ind.name) ? 'Female' : /for males/i.test(ind.name) ? 'Male' : 'Persons', value: value.value, null_reason: value.reason }, n, /limiting long-term/i.test(ind.name));
        }
      },
    };
  },
};

export const pheLeByDecile: TabularFormat = {
  id: 'phe-le-by-decile',
  label: 'Life expectancy by deprivation decile (PHEindicatormethods layout)',
  detect: (sample) => findHeader(sample, (h) => ['sex', 'geocode', 'decile', 'pop', 'deaths', 'lifeexp', 'se'].every((c) => h.includes(c)), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const lower = header.map((h) => h.trim().toLowerCase());
    const at = (c: string): number => lower.indexOf(c);
    const id = 'phe-le-birth-by-decile';
    ctx.indicator(id, { name: 'Life expectancy at birth by local deprivation decile', unit: 'years', value_type: 'Life expectancy', source: 'PHEindicatormethods test data (period not documented)' });
    return {
      row(f, n) {
        const code = read.text(f, at('geocode')) ?? '';
        const le = read.number(f, at('lifeexp'), n);
        ctx.observation({ indicator_id: id, area_code: code, period: 'not stated', sex: normaliseSex(read.text(f, at('sex'))), age: 'At birth', category_type: 'Local deprivation decile', category: read.text(f, at('decile')), value: le.value, null_reason: le.reason, count: read.value(f, at('deaths'), n), denominator: read.value(f, at('pop'), n), standard_error: read.value(f, at('se'), n) }, n, false);
      },
    };
  },
};

export const pheNcmpByDecile: TabularFormat = {
  id: 'phe-ncmp-by-decile',
  label: 'NCMP obesity by deprivation decile (PHEindicatormethods layout)',
  detect: (sample) => findHeader(sample, (h) => ['period', 'schoolyear', 'areacode', 'decile', 'measured', 'count', 'rate', 'lcl', 'ucl'].every((c) => h.includes(c)), 3),
  start(ctx, header) {
    const read = new FieldReader(ctx, header);
    const lower = header.map((h) => h.trim().toLowerCase());
    const at = (c: string): number => lower.indexOf(c);
    const id = 'phe-ncmp-obesity-by-decile';
    ctx.indicator(id, { name: 'Child obesity prevalence (NCMP) by national deprivation decile', unit: '%', value_type: 'Proportion', multiplier: 100, source: 'PHEindicatormethods test data (NCMP)' });
    return {
      row(f, n) {
        const period = parseSchoolYearCode(read.text(f, at('period')) ?? '');
        const year = read.text(f, at('schoolyear'));
        const rate = read.number(f, at('rate'), n);
        ctx.observation({ indicator_id: id, area_code: read.text(f, at('areacode')) ?? '', period: period.label, period_start: period.start, period_end: period.end, sex: 'Persons', age: year === 'R' ? 'Reception' : year === '6' ? 'Year 6' : year, category_type: 'National deprivation decile', category: read.text(f, at('decile')), value: rate.value, null_reason: rate.reason, lower95: read.value(f, at('lcl'), n), upper95: read.value(f, at('ucl'), n), standard_error: read.value(f, at('se'), n), count: read.value(f, at('count'), n), denominator: read.value(f, at('measured'), n) }, n, true);
      },
    };
  },
};
