/**
 * Test and benchmark helper: a Fingertips-format CSV of any size, built from the real
 * export's header and row shape (fixtures/data/fingertips/indicators-CountyUA.data.csv) with
 * deterministic values. Used where a real file of the size needed does not exist (the
 * 1,000,000-row load test), never as a substitute for real data in correctness tests.
 */
export const FINGERTIPS_HEADER =
  'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal';

/** `rows` data rows (CRLF, like Fingertips), unique keys, CIs that contain the value. */
export function syntheticFingertipsCsv(rows: number): string {
  const lines = [FINGERTIPS_HEADER];
  const sexes = ['Persons', 'Male', 'Female'];
  for (let i = 0; i < rows; i++) {
    const area = i % 300;
    const rest = Math.floor(i / 300);
    const sex = sexes[rest % 3]!;
    const year = 2000 + (Math.floor(rest / 3) % 20);
    const indicator = 90000 + Math.floor(rest / 60);
    const value = 10 + ((i * 7919) % 1000) / 10;
    // GSS-shaped codes in an unused range (E0x9xxxxx), so none is a retired code.
    const code = `E0${String(6 + (area % 4))}9${String(area).padStart(5, '0')}`;
    lines.push(
      `${String(indicator)},"Synthetic indicator ${String(indicator)}, rate per 100,000",E12000007,London region,${code},Area ${String(area)},County & UA,${sex},All ages,,,${String(year)},${value.toFixed(3)},${(value - 1).toFixed(3)},${(value + 1).toFixed(3)},${(value - 2).toFixed(3)},${(value + 2).toFixed(3)},${String(50 + (i % 400))},${String(100000 + i)},,,Similar,Similar,${String(year)}0000,,`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}
