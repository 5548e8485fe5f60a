/**
 * How a comparison outcome is drawn: the Fingertips (FingertipsNext) fill so analysts recognise
 * it, a text colour chosen for contrast on that fill, and a glyph and words so that colour is
 * never the only carrier of meaning (WCAG 1.4.1; docs/view-conventions.md section 9).
 */
import type { ComparisonLabel } from '../../analysis/comparePlaces/types';

export interface OutcomeStyle {
  /** Fill hex; `null` means unfilled (Not compared: white with a black outline). */
  readonly fill: string | null;
  /** Text on the fill: white or near-black, whichever has the higher WCAG contrast. */
  readonly text: string;
  /** Shape cue beside the words: ▲ better/higher, ● similar, ▼ worse/lower, ○ not compared. */
  readonly glyph: string;
}

const NEAR_BLACK = '#0B0C0C';
const WHITE = '#FFFFFF';

/** FingertipsNext 95% fills (VIEW-CONVENTIONS.md section 9, "Next 95%"). */
const FILL_95: Readonly<Record<ComparisonLabel, string | null>> = {
  Better: '#00703C',
  Similar: '#FFDD00',
  Worse: '#D4351C',
  Lower: '#5694CA',
  Higher: '#003078',
  'Not compared': null,
};

const GLYPH: Readonly<Record<ComparisonLabel, string>> = {
  Better: '▲',
  Similar: '●',
  Worse: '▼',
  Higher: '▲',
  Lower: '▼',
  'Not compared': '○',
};

export function outcomeStyle(label: ComparisonLabel): OutcomeStyle {
  const fill = FILL_95[label];
  return { fill, text: fill === null ? NEAR_BLACK : textOn(fill), glyph: GLYPH[label] };
}

/** "Worse than England", "Similar to London", "Not compared with England". */
export function outcomeWords(label: ComparisonLabel, comparator: string): string {
  if (label === 'Not compared') return `Not compared with ${comparator}`;
  if (label === 'Similar') return `Similar to ${comparator}`;
  return `${label} than ${comparator}`;
}

/** White or near-black text, whichever contrasts more with `fill` (WCAG 2.x formula). */
export function textOn(fill: string): string {
  return contrastRatio(fill, WHITE) >= contrastRatio(fill, NEAR_BLACK) ? WHITE : NEAR_BLACK;
}

/** WCAG 2.x contrast ratio of two #RRGGBB colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
