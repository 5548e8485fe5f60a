/**
 * The roles a generic table's columns can take, in the order the mapping dialog lists them,
 * with the words an analyst would use. Required roles follow shared/import/formats/generic.ts:
 * area code, period and value, plus an indicator column or a typed indicator name.
 */
import type { ColumnMapping, MappingField } from '../../../shared/import';

export interface FieldInfo {
  readonly field: MappingField;
  readonly label: string;
  readonly required?: boolean;
  readonly hint?: string;
}

export const MAPPING_FIELDS: readonly FieldInfo[] = [
  { field: 'area_code', label: 'Area code', required: true, hint: 'ONS code, e.g. E09000002' },
  { field: 'area_name', label: 'Area name' },
  { field: 'indicator', label: 'Indicator', hint: 'or type a name below' },
  { field: 'period', label: 'Period', required: true, hint: 'e.g. 2021, 2019/20, 2018 - 20' },
  { field: 'sex', label: 'Sex' },
  { field: 'age', label: 'Age' },
  { field: 'category_type', label: 'Category type', hint: 'e.g. deprivation decile' },
  { field: 'category', label: 'Category' },
  { field: 'value', label: 'Value', required: true },
  { field: 'lower95', label: 'Lower 95% limit' },
  { field: 'upper95', label: 'Upper 95% limit' },
  { field: 'lower998', label: 'Lower 99.8% limit' },
  { field: 'upper998', label: 'Upper 99.8% limit' },
  { field: 'count', label: 'Count (numerator)' },
  { field: 'denominator', label: 'Denominator' },
  { field: 'value_note', label: 'Value note' },
];

/** What stops `mapping` from being imported, in words; empty when it can be. */
export function mappingGaps(mapping: ColumnMapping): string[] {
  const gaps = MAPPING_FIELDS.filter(
    (f) => f.required === true && mapping.columns[f.field] === undefined,
  ).map((f) => `choose the ${f.label.toLowerCase()} column`);
  if (mapping.columns.indicator === undefined && (mapping.indicatorName ?? '').trim() === '') {
    gaps.push('choose the indicator column or type the indicator’s name');
  }
  return gaps;
}

/** Columns given more than one role (allowed, but usually a slip). */
export function reusedColumns(mapping: ColumnMapping): string[] {
  const seen = new Map<string, number>();
  for (const column of Object.values(mapping.columns)) {
    if (column !== undefined) seen.set(column, (seen.get(column) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([c]) => c);
}
