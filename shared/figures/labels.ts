/** Small text helpers for axis and data labels. */

/** Break a long label onto two lines at the space nearest its middle (Plotly uses <br>). */
export function wrapLabel(label: string, maxChars = 14): string {
  if (label.length <= maxChars) return label;
  const middle = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) {
    if (label[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best < 0 ? label : `${label.slice(0, best)}<br>${label.slice(best + 1)}`;
}

/** Sex labels to Male/Female/Persons, a blank read as Persons (shared/model/vocabulary.ts). */
export { sexOrPersons as normaliseSex } from '../model/vocabulary';

/** "Male" -> "males" for running text. */
export function sexPlural(sex: string): string {
  if (sex === 'Male') return 'males';
  if (sex === 'Female') return 'females';
  return sex.toLowerCase();
}
