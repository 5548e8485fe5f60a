import { describe, expect, it } from 'vitest';
import { contrastRatio, outcomeStyle, outcomeWords, textOn } from './outcomes';

describe('outcome styles', () => {
  it('computes WCAG contrast as VIEW-CONVENTIONS.md section 9 quotes it', () => {
    // Ratios quoted there, to the 2 decimals given: #FFDD00 1.35, #B1B4B6 2.08 on white;
    // green #00703C against red #D4351C 1.28.
    expect(contrastRatio('#FFDD00', '#FFFFFF')).toBeCloseTo(1.35, 2);
    expect(contrastRatio('#B1B4B6', '#FFFFFF')).toBeCloseTo(2.08, 2);
    expect(contrastRatio('#00703C', '#D4351C')).toBeCloseTo(1.28, 2);
  });

  it('puts white text on dark fills and dark text on pale ones, each at least 4.5:1', () => {
    // FingertipsNext: white text on Better and Worse (section 9), dark on Similar.
    expect(textOn('#00703C')).toBe('#FFFFFF');
    expect(textOn('#D4351C')).toBe('#FFFFFF');
    expect(textOn('#FFDD00')).toBe('#0B0C0C');
    for (const label of ['Better', 'Similar', 'Worse', 'Higher', 'Lower'] as const) {
      const style = outcomeStyle(label);
      expect(contrastRatio(style.fill!, style.text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every outcome a glyph and words, so colour is not the only cue', () => {
    expect(outcomeStyle('Not compared')).toEqual({ fill: null, text: '#0B0C0C', glyph: '○' });
    expect(
      new Set(['Better', 'Similar', 'Worse'].map((l) => outcomeStyle(l as 'Better').glyph)).size,
    ).toBe(3);
    expect(outcomeWords('Worse', 'England')).toBe('Worse than England');
    expect(outcomeWords('Similar', 'London')).toBe('Similar to London');
    expect(outcomeWords('Not compared', 'England')).toBe('Not compared with England');
  });
});
