import { describe, expect, it } from 'vitest';
import { parseCalcOptions } from './options';

// In-process checks of option parsing (node:util parseArgs, strict) and the typed readers.
const SPEC = {
  value: { type: 'string', required: true, column: true, help: 'COL' },
  flag: { type: 'boolean', help: '' },
} as const;
const base = ['--input', 'in.csv', '--output', 'out.csv', '--value', 'v'];

describe('parseCalcOptions', () => {
  it('reads strings, flags, lists and numbers', () => {
    const o = parseCalcOptions('m', SPEC, [
      ...base,
      '--flag',
      '--group-by',
      'Area, Sex',
      '--multiplier',
      '1e5',
    ]);
    expect(o.required('value')).toBe('v');
    expect(o.flag('flag')).toBe(true);
    expect(o.list('group-by')).toEqual(['Area', 'Sex']);
    expect(o.number('multiplier')).toBe(100000);
  });

  it('--confidence: levels, none, or the default (undefined)', () => {
    expect(parseCalcOptions('m', SPEC, base).confidence()).toBeUndefined();
    expect(parseCalcOptions('m', SPEC, [...base, '--confidence', '0.9,0.99']).confidence()).toEqual(
      [0.9, 0.99],
    );
    expect(parseCalcOptions('m', SPEC, [...base, '--confidence', 'none']).confidence()).toBeNull();
    expect(() =>
      parseCalcOptions('m', SPEC, [...base, '--confidence', '95%']).confidence(),
    ).toThrow(/levels like 0.95,0.998/);
  });

  it('unknown options, missing required options and bad numbers are usage errors (exit 2)', () => {
    expect(() => parseCalcOptions('m', SPEC, [...base, '--nope'])).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringMatching(/Unknown option '--nope'/) as unknown,
      }),
    );
    expect(() => parseCalcOptions('m', SPEC, ['--input', 'a', '--output', 'b'])).toThrow(
      /--value is required/,
    );
    const o = parseCalcOptions('m', SPEC, [...base, '--multiplier', '10x']);
    expect(() => o.number('multiplier')).toThrow("m: --multiplier must be a number, got '10x'.");
    expect(() =>
      parseCalcOptions('m', SPEC, [...base, '--group-by', 'a,,b']).list('group-by'),
    ).toThrow(/empty item/);
  });

  it('integer and range checks name the limits', () => {
    const o = parseCalcOptions('m', { ...SPEC, reps: { type: 'string', help: '' } }, [
      ...base,
      '--reps',
      '10.5',
    ]);
    expect(() => o.number('reps', { integer: true, min: 1000 })).toThrow(
      "m: --reps must be an integer >= 1000, got '10.5'.",
    );
  });
});
