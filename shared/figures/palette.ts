/**
 * Government Analysis Function colour palettes for charts.
 * Source: https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-colours-in-charts/
 * The categorical palette is used in this order; the focus palette highlights one series (the
 * area of interest) against comparators. Colour never carries meaning alone: every builder
 * also labels series directly or varies line dash and marker shape.
 */
export const CATEGORICAL = {
  darkBlue: '#12436D',
  turquoise: '#28A197',
  darkPink: '#801650',
  orange: '#F46A25',
  darkGrey: '#3D3D3D',
  lightPurple: '#A285D1',
} as const;

export const FOCUS = {
  focus: '#12436D',
  other: '#BFBFBF',
} as const;

/** Text and axis greys that keep 4.5:1 contrast on white. */
export const TEXT = {
  body: '#0B0C0C',
  secondary: '#505A5F',
  gridline: '#E5E5E5',
} as const;
