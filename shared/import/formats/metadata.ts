/**
 * Indicator metadata and reference lookups:
 * - Fingertips indicator metadata as JSON (life-course walkthrough: `ID, Name, Unit,
 *   Polarity`; FingertipsNext: `indicatorID, indicatorName, unitLabel, polarity ...`) ->
 *   `indicator` rows, replacing thinner rows made from data files;
 * - Fingertips lookups (agedata.csv, categories.csv), life-course stage lists and the ONS
 *   subnational metadata -> `lookup` rows (key, label, other columns as JSON).
 *
 * FingertipsNext's search-index polarity is NOT used: several values are inverted against
 * Fingertips (SOURCES.md: HLE 90362 "Low is good"), and a wrong polarity turns "better" into
 * "worse" in every comparison. Its definitions and units are kept.
 */
import type { StoredPolarity } from '../../model/schema';
import { parsePolarityText, polarityToStored } from '../../model/vocabulary';
import type { Loader } from '../loader';
import { FieldReader } from './fields';
import { findHeader, type TabularFormat } from './format';

/** Metadata wording to the stored polarity (the rules live in shared/model/vocabulary.ts). */
export function parsePolarity(text: unknown): StoredPolarity | null {
  const polarity = parsePolarityText(text);
  return polarity === null ? null : polarityToStored(polarity);
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const isRecords = (value: unknown): value is Json[] => Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null);

export interface JsonFormat {
  readonly id: string;
  readonly label: string;
  detect(value: unknown): boolean;
  /** Write rows; returns the number of records read. */
  load(loader: Loader, value: unknown): number;
}

export const lifecourseMetadata: JsonFormat = {
  id: 'fingertips-indicator-metadata',
  label: 'Fingertips indicator metadata (JSON, with polarity)',
  detect: (value) => isRecords(value) && value.every((r) => 'ID' in r && 'Name' in r && 'Polarity' in r),
  load(loader, value) {
    const records = value as Json[];
    for (const r of records) {
      loader.indicator(str(r.ID) ?? '', { name: str(r.Name), unit: str(r.Unit), definition: str(r.Description), polarity: parsePolarity(r.Polarity), source: 'Fingertips indicator metadata' });
    }
    return records.length;
  },
};

export const fingertipsNextMetadata: JsonFormat = {
  id: 'fingertipsnext-indicator-metadata',
  label: 'FingertipsNext indicator definitions (JSON; polarity ignored)',
  detect: (value) => isRecords(value) && value.every((r) => 'indicatorID' in r && 'indicatorName' in r),
  load(loader, value) {
    const records = value as Json[];
    for (const r of records) {
      const unit = str(r.unitValue);
      loader.indicator(str(r.indicatorID) ?? '', { name: str(r.indicatorName), unit: str(r.unitLabel), value_type: str(r.valueType), multiplier: unit === null || Number.isNaN(Number(unit)) ? null : Number(unit), definition: str(r.indicatorDefinition), source: 'FingertipsNext indicator definitions' });
    }
    loader.problems.add('other', 'info', 'Polarity in FingertipsNext definitions is not used: several values are inverted compared with Fingertips.', 'Import Fingertips indicator metadata (e.g. the life-course metadata) to set polarity.');
    return records.length;
  },
};

/** A CSV whose rows become `lookup` rows: `key` and `label` columns, the rest as JSON. */
function lookupFormat(id: string, label: string, lookup: string, columns: readonly string[], key: string, labelColumn: string, sequence: string | null): TabularFormat {
  const normal = columns.map((c) => c.toLowerCase().replace(/[^a-z0-9]+/g, ''));
  return {
    id,
    label,
    detect: (sample) => findHeader(sample, (h) => h.length === normal.length && normal.every((c, i) => h[i] === c), 3),
    start(ctx, header) {
      const read = new FieldReader(ctx, header);
      const at = (c: string): number => columns.indexOf(c);
      return {
        row(f, n) {
          const attributes: Record<string, string | null> = {};
          columns.forEach((c, i) => {
            if (c !== key && c !== labelColumn) attributes[c] = read.text(f, i);
          });
          ctx.write('lookup', { lookup, key: read.text(f, at(key)) ?? '', label: read.text(f, at(labelColumn)), attributes: JSON.stringify(attributes), sequence: sequence === null ? n : read.value(f, at(sequence), n) });
        },
      };
    },
  };
}

export const fingertipsAges = lookupFormat('fingertips-ages', 'Fingertips age lookup', 'fingertips_age', ['AgeID', 'Age', 'MinYears', 'MaxYears'], 'AgeID', 'Age', null);
export const fingertipsCategories = lookupFormat('fingertips-categories', 'Fingertips inequality categories lookup', 'fingertips_category', ['CategoryName', 'CategoryTypeName', 'Sequence'], 'CategoryName', 'CategoryName', 'Sequence');
export const lifecourseStages = lookupFormat('lifecourse-stages', 'Life-course indicator stages', 'lifecourse_stage', ['Indicator ID', 'Section', 'Description', 'Source', 'PHE_indicator'], 'Indicator ID', 'Description', null);
export const onsSubnationalMetadata = lookupFormat('ons-subnational-metadata', 'ONS Subnational indicators metadata', 'ons_subnational_indicator', ['Worksheet', 'Indicator', 'Shortened', 'Category', 'Polarity', 'Period', 'Measure', 'Unit', 'Jitter', 'August 2022 update', 'Regional Values'], 'Worksheet', 'Indicator', null);
