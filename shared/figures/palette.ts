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

/**
 * Sequential palette for choropleth bands, lightest (lowest values) to darkest (highest). The
 * three darkest are the Analysis Function's sequential blues (#12436D, #2073BC, #6BACE6, same
 * page as above); the two lightest are tints of #6BACE6 (mixed with 40% and 75% white) so five
 * bands stay in one hue. Bands are also named in the legend and hover text, never colour alone.
 */
export const SEQUENTIAL = ['#DAEAF9', '#A6CDF0', '#6BACE6', '#2073BC', '#12436D'] as const;

/** Fill for areas with no value: mid grey, named "No data" in the legend. */
export const NO_DATA = '#BFBFBF';
