import { describe, expect, it } from 'vitest';
import { parsePolarity } from '../import/formats/metadata';
import {
  normaliseSex,
  parsePolarityText,
  POLARITIES,
  polarityFromStored,
  polarityToStored,
  sexOrPersons,
  sexSql,
} from './vocabulary';
import { sharedTestEngine } from '../../main/engine/testEngine';

describe('polarity vocabulary', () => {
  it('round-trips every polarity through the stored (snake case) form', () => {
    for (const p of POLARITIES) expect(polarityFromStored(polarityToStored(p))).toBe(p);
    expect(polarityToStored('low-is-good')).toBe('low_is_good');
  });

  it('refuses unknown stored values rather than guessing', () => {
    expect(polarityFromStored('good')).toBeNull();
    expect(polarityFromStored(null)).toBeNull();
  });

  // Wording as in Fingertips indicator metadata (fixtures/data/fingertips/metadata).
  it('reads Fingertips metadata wording, and the importer stores it in snake case', () => {
    expect(parsePolarityText('RAG - Low is good')).toBe('low-is-good');
    expect(parsePolarityText('RAG - High is good')).toBe('high-is-good');
    expect(parsePolarityText('RAG - No judgement')).toBe('no-judgement');
    expect(parsePolarity('RAG - Low is good')).toBe('low_is_good');
    expect(parsePolarity(7)).toBeNull();
  });
});

describe('sex vocabulary', () => {
  it('normalises the spellings sources use and keeps other labels as published', () => {
    expect(['M', '1', 'Males', ' male '].map(normaliseSex)).toEqual([
      'Male',
      'Male',
      'Male',
      'Male',
    ]);
    expect(['F', '2', 'Females'].map(normaliseSex)).toEqual(['Female', 'Female', 'Female']);
    expect(['4', 'All persons', 'Persons', 'p'].map(normaliseSex)).toEqual([
      'Persons',
      'Persons',
      'Persons',
      'Persons',
    ]);
    expect(normaliseSex('Not stated ')).toBe('Not stated');
    expect(normaliseSex(null)).toBeNull();
    expect(sexOrPersons(null)).toBe('Persons');
    expect(sexOrPersons('')).toBe('Persons');
  });

  it('gives the same answer in SQL as in TypeScript (real DuckDB)', async () => {
    const engine = await sharedTestEngine();
    const labels = ['M', '1', 'Males', 'F', '2', 'Female', '4', 'All persons', '', 'Not stated'];
    for (const label of labels) {
      const t = await engine.query(
        `SELECT ${sexSql('x')} AS s FROM (SELECT CAST(? AS VARCHAR) AS x)`,
        [label],
      );
      expect(String(t.getChild('s')?.get(0))).toBe(sexOrPersons(label));
    }
  }, 120_000);
});
