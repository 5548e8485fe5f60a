/**
 * Period labels to sortable start/end dates. Sources write periods many ways:
 * Fingertips `2015`, `2015 - 17`, `2019/20`, `2018/19 - 20/21`, `2019 Q1`, `Apr 2020`;
 * ONS subnational compact codes `201820` (three calendar years, 2018-20) and `201920`
 * (financial year 2019/20); NCMP test data `607` / `1718` (school years 2006/07, 2017/18).
 *
 * Financial and academic years both start on 1 April here: the label keeps which it was,
 * and the dates only need to sort and overlap correctly.
 */

export interface Period {
  /** The label to show (normalised for compact codes, e.g. `201820` -> `2018-20`). */
  readonly label: string;
  /** ISO dates, inclusive; null when the label is not a recognised period. */
  readonly start: string | null;
  readonly end: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const yearStart = (y: number): string => `${String(y)}-01-01`;
const yearEnd = (y: number): string => `${String(y)}-12-31`;
const fyStart = (y: number): string => `${String(y)}-04-01`;
const fyEnd = (y: number): string => `${String(y + 1)}-03-31`;

/** Two-digit year `yy` after `base`: the first year >= base ending in yy. */
function expandYear(yy: number, base: number): number {
  let y = base - (base % 100) + yy;
  if (y < base) y += 100;
  return y;
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parsePeriod(raw: string): Period {
  const label = raw.trim();
  let m: RegExpExecArray | null;
  // 2015
  if ((m = /^(\d{4})$/.exec(label))) {
    const y = Number(m[1]);
    return { label, start: yearStart(y), end: yearEnd(y) };
  }
  // 2015 - 17, 2015-2017, 2015 to 2017
  if ((m = /^(\d{4})\s*(?:-|–|to)\s*(\d{2}|\d{4})$/.exec(label))) {
    const a = Number(m[1]);
    const b = m[2]!.length === 2 ? expandYear(Number(m[2]), a) : Number(m[2]);
    return { label, start: yearStart(a), end: yearEnd(b) };
  }
  // 2019/20 (financial or academic year)
  if ((m = /^(\d{4})\/(\d{2})$/.exec(label))) {
    const a = Number(m[1]);
    return { label, start: fyStart(a), end: fyEnd(a) };
  }
  // 2018/19 - 20/21 (pooled financial years)
  if ((m = /^(\d{4})\/\d{2}\s*-\s*(\d{2})\/(\d{2})$/.exec(label))) {
    const a = Number(m[1]);
    const b = expandYear(Number(m[2]), a);
    return { label, start: fyStart(a), end: fyEnd(b) };
  }
  // 2019 Q1
  if ((m = /^(\d{4})\s*Q([1-4])$/i.exec(label))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { label, start: `${String(y)}-${pad(q * 3 - 2)}-01`, end: `${String(y)}-${QUARTER_END[q - 1]!}` };
  }
  // Apr 2020 (a month)
  if ((m = /^([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(label))) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    if (month >= 0) {
      const y = Number(m[2]);
      const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
      return { label, start: `${String(y)}-${pad(month + 1)}-01`, end: `${String(y)}-${pad(month + 1)}-${pad(last)}` };
    }
  }
  return { label, start: null, end: null };
}

/**
 * ONS subnational compact codes: `YYYYyy` where yy is one after YYYY is a financial year
 * (`201920` -> `2019/20`); otherwise a span of calendar years (`201820` -> `2018-20`).
 */
export function parseCompactPeriod(raw: string): Period {
  const label = raw.trim();
  const m = /^(\d{4})(\d{2})$/.exec(label);
  if (m === null) return parsePeriod(label);
  const a = Number(m[1]);
  const b = expandYear(Number(m[2]), a);
  if (b === a + 1) return { label: `${String(a)}/${m[2]!}`, start: fyStart(a), end: fyEnd(a) };
  return { label: `${String(a)}-${m[2]!}`, start: yearStart(a), end: yearEnd(b) };
}

/** NCMP test-data school-year codes: `607` -> 2006/07, `1718` -> 2017/18. */
export function parseSchoolYearCode(raw: string): Period {
  const code = raw.trim();
  const m = /^(\d{1,2})(\d{2})$/.exec(code);
  if (m === null) return parsePeriod(code);
  const a = 2000 + Number(m[1]);
  return { label: `${String(a)}/${m[2]!}`, start: fyStart(a), end: fyEnd(a) };
}
