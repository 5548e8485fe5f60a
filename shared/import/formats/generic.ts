/**
 * Generic long tables: any CSV/XLSX whose columns the analyst has mapped to observation
 * fields (area code, period, value, optionally indicator, sex, age, category, limits, count,
 * denominator). Also suggests a mapping from common column names, for the mapping screen.
 */
import { ImportError } from '../errors';
import { parsePeriod } from '../periods';
import type { ColumnMapping, MappingField } from '../types';
import { FieldReader, isPercentUnit, normaliseSex } from './fields';
import { norm, type Fields, type TabularFormat } from './format';

/** Common names for each field, normalised (format.ts `norm`). First match wins. */
const SUGGEST: Readonly<Record<MappingField, readonly string[]>> = {
  area_code: ['areacode', 'geographycode', 'areacd', 'geocode', 'code', 'lacode', 'ladcode', 'lad19cd', 'lad21cd', 'lad22cd', 'lad23cd', 'lad24cd', 'utla19cd', 'ctyua21cd', 'lsoacode', 'lsoa11cd', 'lsoa21cd', 'msoa11cd', 'msoa21cd', 'onscode', 'gsscode', 'mnemonic'],
  area_name: ['areaname', 'geography', 'areanm', 'name', 'laname', 'ladname', 'lad19nm', 'lad21nm', 'lad24nm', 'label', 'lsoaname', 'msoaname'],
  indicator: ['indicator', 'indicatorname', 'measure', 'metric', 'variable', 'indicatorid'],
  period: ['period', 'timeperiod', 'year', 'date', 'calyear', 'financialyear', 'time'],
  sex: ['sex', 'gender'],
  age: ['age', 'ageband', 'agegroup'],
  category_type: ['categorytype'],
  category: ['category', 'decile', 'imddecile', 'ethnicity', 'ethnicgroup', 'quintile'],
  value: ['value', 'rate', 'percentage', 'percent', 'obsvalue', 'observation', 'estimate'],
  lower95: ['lowerci950limit', 'lowerci', 'lci', 'lcl', 'lower95', 'lowerci95', 'lower'],
  upper95: ['upperci950limit', 'upperci', 'uci', 'ucl', 'upper95', 'upperci95', 'upper'],
  lower998: ['lowerci998limit', 'lower998', 'lowerci998'],
  upper998: ['upperci998limit', 'upper998', 'upperci998'],
  count: ['count', 'numerator', 'n', 'events', 'deaths', 'cases'],
  denominator: ['denominator', 'population', 'pop', 'denom', 'measured'],
  value_note: ['valuenote', 'note', 'notes', 'flag'],
};

export function suggestMapping(header: Fields): ColumnMapping {
  const keys = header.map(norm);
  const used = new Set<number>();
  const columns: Partial<Record<MappingField, string>> = {};
  for (const field of Object.keys(SUGGEST) as MappingField[]) {
    const index = SUGGEST[field].map((a) => keys.findIndex((k, i) => k === a && !used.has(i))).find((i) => i >= 0);
    if (index !== undefined) {
      used.add(index);
      columns[field] = header[index]!;
    }
  }
  return { columns };
}

/** A TabularFormat that loads observations through `mapping`. */
export function genericFormat(mapping: ColumnMapping, header: Fields, file: string): TabularFormat {
  const at = (field: MappingField): number => {
    const column = mapping.columns[field];
    if (column === undefined) return -1;
    const index = header.indexOf(column);
    if (index < 0) throw new ImportError('bad-mapping', file, `The mapping uses column "${column}" for ${field}, but the file has no such column.`, 'Choose the mapping again for this file.', undefined, column);
    return index;
  };
  for (const required of ['area_code', 'period', 'value'] as const) {
    if (mapping.columns[required] === undefined) throw new ImportError('bad-mapping', file, `The mapping has no column for ${required.replace('_', ' ')}.`, 'Choose which column holds it, then import again.');
  }
  if (mapping.columns.indicator === undefined && (mapping.indicatorName ?? '').trim() === '') {
    throw new ImportError('bad-mapping', file, 'The mapping has neither an indicator column nor an indicator name.', 'Choose the indicator column, or type a name for the indicator this file holds.');
  }
  const idx = Object.fromEntries((Object.keys(SUGGEST) as MappingField[]).map((f) => [f, at(f)])) as Record<MappingField, number>;
  return {
    id: 'generic-mapped',
    label: 'Table with a column mapping',
    detect: () => -1,
    start(ctx) {
      const read = new FieldReader(ctx, header);
      const fixed = mapping.indicatorName?.trim();
      return {
        row(f, n) {
          const name = idx.indicator >= 0 ? (read.text(f, idx.indicator) ?? '') : fixed!;
          ctx.indicator(name, { name, source: `mapped from ${file}` });
          const code = read.text(f, idx.area_code) ?? '';
          const areaName = read.text(f, idx.area_name);
          ctx.area(code, areaName, null);
          const period = parsePeriod(read.text(f, idx.period) ?? '');
          const value = read.number(f, idx.value, n);
          ctx.observation(
            { indicator_id: name, area_code: code, area_name: areaName, period: period.label, period_start: period.start, period_end: period.end, sex: normaliseSex(read.text(f, idx.sex)), age: read.text(f, idx.age), category_type: read.text(f, idx.category_type), category: read.text(f, idx.category), value: value.value, null_reason: value.reason, lower95: read.value(f, idx.lower95, n), upper95: read.value(f, idx.upper95, n), lower998: read.value(f, idx.lower998, n), upper998: read.value(f, idx.upper998, n), count: read.value(f, idx.count, n), denominator: read.value(f, idx.denominator, n), value_note: read.text(f, idx.value_note) },
            n,
            isPercentUnit(name),
          );
        },
      };
    },
  };
}
