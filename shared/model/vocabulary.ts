/**
 * One vocabulary for the words every layer shares: indicator polarity and sex.
 *
 * Before this module the canonical `indicator.polarity` column held snake case
 * (`high_is_good`), the methods took kebab case (`high-is-good`) and nothing translated; and
 * sex labels were normalised in four places with slightly different rules (the figures
 * treated a blank as Persons, the importer kept it null). Analyses and methods use the kebab
 * form below; the database keeps its snake-case values (changing stored data would break
 * saved workspaces), and `polarityFromStored`/`polarityToStored` are the only bridge.
 */

/** Indicator polarity, as in Fingertips metadata (legacy ids 1, 0, 99, -1). */
export type Polarity = 'high-is-good' | 'low-is-good' | 'no-judgement' | 'not-applicable';

export const POLARITIES: readonly Polarity[] = [
  'high-is-good',
  'low-is-good',
  'no-judgement',
  'not-applicable',
];

/** The polarity as the canonical `indicator.polarity` column stores it (schema.ts CHECK). */
export type StoredPolarity = 'high_is_good' | 'low_is_good' | 'no_judgement' | 'not_applicable';

export function polarityToStored(polarity: Polarity): StoredPolarity {
  return polarity.replaceAll('-', '_') as StoredPolarity;
}

/** A stored value (or any spelling of one) to the analysis vocabulary; null when unknown. */
export function polarityFromStored(stored: string | null | undefined): Polarity | null {
  if (stored === null || stored === undefined) return null;
  const kebab = stored.trim().toLowerCase().replaceAll('_', '-').replaceAll(' ', '-');
  return (POLARITIES as readonly string[]).includes(kebab) ? (kebab as Polarity) : null;
}

/** Fingertips' metadata wording ("RAG - Low is good", "Higher is better") to a polarity. */
export function parsePolarityText(text: unknown): Polarity | null {
  if (typeof text !== 'string') return null;
  const t = text.toLowerCase();
  if (/(higher|high) is (better|good)/.test(t)) return 'high-is-good';
  if (/(lower|low) is (better|good)/.test(t)) return 'low-is-good';
  if (/no judgement|rag - no judgement|not applicable/.test(t)) return 'no-judgement';
  return polarityFromStored(t);
}

/** The three sexes Fingertips and ONS publish; other labels are kept as published. */
export type Sex = 'Male' | 'Female' | 'Persons';

/** How sources spell each sex (lower case, trimmed; Fingertips sex ids 1/2/4), the one list. */
const SEX_SPELLINGS: Readonly<Record<Sex, readonly string[]>> = {
  Male: ['m', '1', 'male', 'males'],
  Female: ['f', '2', 'female', 'females'],
  Persons: ['p', '4', 'persons', 'person', 'all', 'all persons'],
};
const SEX_BY_SPELLING = new Map<string, Sex>(
  (Object.entries(SEX_SPELLINGS) as [Sex, readonly string[]][]).flatMap(([sex, spellings]) =>
    spellings.map((spelling): [string, Sex] => [spelling, sex]),
  ),
);

/**
 * Fingertips/ONS sex labels (`M`, `1`, `Males`, `All persons`, Fingertips sex ids 1/2/4) to
 * Male, Female or Persons; any other label is returned trimmed, as published; null stays null.
 */
export function normaliseSex(raw: string | null): string | null {
  if (raw === null) return null;
  const trimmed = raw.trim();
  return SEX_BY_SPELLING.get(trimmed.toLowerCase()) ?? trimmed;
}

/**
 * For figures and analyses: a row with no sex (blank or null) is a Persons value, since
 * sources that do not split by sex publish the persons figure.
 */
export function sexOrPersons(raw: string | null): string {
  const sex = normaliseSex(raw);
  return sex === null || sex === '' ? 'Persons' : sex;
}

/** `sexOrPersons` for SQL: `sexSql('o.sex')` is an expression giving the normalised label. */
export function sexSql(column: string): string {
  const key = `lower(trim(coalesce(${column}, '')))`;
  const list = (spellings: readonly string[]): string => spellings.map((x) => `'${x}'`).join(', ');
  return `CASE
      WHEN ${key} IN (${list(SEX_SPELLINGS.Male)}) THEN 'Male'
      WHEN ${key} IN (${list(SEX_SPELLINGS.Female)}) THEN 'Female'
      WHEN ${key} IN ('', ${list(SEX_SPELLINGS.Persons)}) THEN 'Persons'
      ELSE trim(${column}) END`;
}
