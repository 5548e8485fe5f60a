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

/** Sex labels as published sources spell them, normalised to "Male"/"Female"/as given. */
export function normaliseSex(sex: string | null): string {
  const s = (sex ?? '').trim().toLowerCase();
  if (s === 'male' || s === 'males' || s === 'm' || s === '1') return 'Male';
  if (s === 'female' || s === 'females' || s === 'f' || s === '2') return 'Female';
  if (s === '' || s === 'persons' || s === 'person' || s === 'all' || s === '4') return 'Persons';
  return sex ?? 'Persons';
}

/** "Male" -> "males" for running text. */
export function sexPlural(sex: string): string {
  if (sex === 'Male') return 'males';
  if (sex === 'Female') return 'females';
  return sex.toLowerCase();
}
