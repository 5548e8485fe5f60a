/**
 * OHID Fingertips "Download data" exports (26 columns, 27 in newer exports with "Time period
 * range") and the same table renamed by fingertipsR, janitor::clean_names() or pandas. The
 * columns are matched by normalised name, so order and spelling variants do not matter.
 */
import { parsePeriod } from '../periods';
import { FieldReader, isPercentUnit, normaliseSex } from './fields';
import { findHeader, locate, norm, type Fields, type TabularFormat } from './format';

const ALIASES = {
  indicatorId: ['Indicator ID', 'IndicatorID'],
  indicatorName: ['Indicator Name', 'IndicatorName'],
  parentCode: ['Parent Code', 'ParentCode'],
  areaCode: ['Area Code', 'AreaCode'],
  areaName: ['Area Name', 'AreaName'],
  areaType: ['Area Type', 'AreaType'],
  sex: ['Sex'],
  age: ['Age'],
  categoryType: ['Category Type', 'CategoryType'],
  category: ['Category'],
  period: ['Time period', 'Timeperiod'],
  value: ['Value'],
  lower95: ['Lower CI 95.0 limit', 'LowerCI95.0limit', 'lower_ci_95_0_limit'],
  upper95: ['Upper CI 95.0 limit', 'UpperCI95.0limit'],
  lower998: ['Lower CI 99.8 limit', 'LowerCI99.8limit'],
  upper998: ['Upper CI 99.8 limit', 'UpperCI99.8limit'],
  count: ['Count'],
  denominator: ['Denominator'],
  valueNote: ['Value note', 'Valuenote'],
  recentTrend: ['Recent Trend', 'RecentTrend'],
  comparedEngland: ['Compared to England value or percentiles', 'ComparedtoEnglandvalueorpercentiles'],
  comparedRegion: ['Compared to Region value or percentiles', 'ComparedtoRegionvalueorpercentiles'],
  sortable: ['Time period Sortable', 'TimeperiodSortable'],
} as const;

const REQUIRED = ['indicatorid', 'areacode', 'timeperiod', 'value', 'sex', 'age'];

export const fingertipsData: TabularFormat = {
  id: 'fingertips-data',
  label: 'Fingertips data export',
  detect: (sample) => findHeader(sample, (h) => REQUIRED.every((r) => h.includes(r)), 3),
  // Older exports have 26 header names but 25 fields per row (no "Compared to goal" value);
  // anything up to "Time period Sortable" (or the last core column) must be present.
  minFields(header) {
    const at = locate(header, ALIASES);
    return Math.max(at.value, at.count, at.denominator, at.sortable, at.comparedEngland) + 1;
  },
  start(ctx, header) {
    const at = locate(header, ALIASES);
    const read = new FieldReader(ctx, header);
    // Columns such as "Compared to London value or percentiles" in regional extracts.
    if (at.comparedRegion < 0) {
      at.comparedRegion = header.findIndex((h) => /^comparedto(?!england).*valueorpercentiles$/.test(norm(h)));
    }
    const percentById = new Map<string, boolean>();
    return {
      row(f: Fields, n: number) {
        const indicatorId = read.text(f, at.indicatorId) ?? '';
        const name = read.text(f, at.indicatorName);
        let percent = percentById.get(indicatorId);
        if (percent === undefined) {
          percent = isPercentUnit(name);
          percentById.set(indicatorId, percent);
          ctx.indicator(indicatorId, { name });
        }
        const areaCode = read.text(f, at.areaCode) ?? '';
        const areaName = read.text(f, at.areaName);
        const areaType = read.text(f, at.areaType);
        ctx.area(areaCode, areaName, areaType, read.text(f, at.parentCode));
        const label = read.text(f, at.period) ?? '';
        let period = parsePeriod(label);
        if (period.start === null) {
          // "Time period Sortable" is YYYY0000 (YYYYQQ00 etc.): keep at least the year order.
          const sortable = read.text(f, at.sortable);
          if (sortable !== null && /^\d{8}$/.test(sortable)) {
            const y = sortable.slice(0, 4);
            period = { label, start: `${y}-01-01`, end: `${y}-12-31` };
          }
        }
        const value = read.number(f, at.value, n);
        ctx.observation(
          {
            indicator_id: indicatorId,
            area_code: areaCode,
            area_name: areaName,
            area_type: areaType,
            period: period.label,
            period_start: period.start,
            period_end: period.end,
            sex: normaliseSex(read.text(f, at.sex)),
            age: read.text(f, at.age),
            category_type: read.text(f, at.categoryType),
            category: read.text(f, at.category),
            value: value.value,
            null_reason: value.reason,
            lower95: read.value(f, at.lower95, n),
            upper95: read.value(f, at.upper95, n),
            lower998: read.value(f, at.lower998, n),
            upper998: read.value(f, at.upper998, n),
            count: read.value(f, at.count, n),
            denominator: read.value(f, at.denominator, n),
            value_note: read.text(f, at.valueNote),
            recent_trend: read.text(f, at.recentTrend),
            compared_to_england: read.text(f, at.comparedEngland),
            compared_to_region: read.text(f, at.comparedRegion),
          },
          n,
          percent,
        );
      },
    };
  },
};

const LTCP = ['smokingstatus', 'calyear', 'areacode', 'areaname', 'areatype', 'sex', 'age', 'value', 'units', 'multiplier'];
const STATUS_NAME: Readonly<Record<string, string>> = {
  current: 'Smoking prevalence in adults (APS): current smokers',
  ex: 'Smoking prevalence in adults (APS): ex-smokers',
};

/**
 * PHE Local Tobacco Control Profiles smoking prevalence, reshaped by janitor::clean_names()
 * (`smoking_status, calyear, area_code, ..., units, multiplier, version`). One indicator per
 * smoking status.
 */
export const ltcpSmoking: TabularFormat = {
  id: 'fingertips-ltcp-smoking',
  label: 'Local Tobacco Control Profiles smoking prevalence (janitor-cleaned Fingertips extract)',
  detect: (sample) => findHeader(sample, (h) => LTCP.every((c) => h.includes(c)), 3),
  start(ctx, header) {
    const at = locate(header, {
      status: ['smoking_status'],
      year: ['calyear'],
      areaCode: ['area_code'],
      areaName: ['area_name'],
      areaType: ['area_type'],
      sex: ['sex'],
      age: ['age'],
      value: ['value'],
      units: ['units'],
      multiplier: ['multiplier'],
    });
    const read = new FieldReader(ctx, header);
    return {
      row(f, n) {
        const status = read.text(f, at.status) ?? 'unknown';
        const id = `ltcp-smoking-${status}`;
        const units = read.text(f, at.units);
        ctx.indicator(id, { name: STATUS_NAME[status] ?? `Smoking prevalence in adults (APS): ${status}`, unit: units, multiplier: read.value(f, at.multiplier, n), value_type: 'Proportion', source: 'PHE Local Tobacco Control Profiles (APS)' });
        const code = read.text(f, at.areaCode) ?? '';
        const name = read.text(f, at.areaName);
        const type = read.text(f, at.areaType);
        ctx.area(code, name, type);
        const period = parsePeriod(read.text(f, at.year) ?? '');
        const value = read.number(f, at.value, n);
        ctx.observation(
          { indicator_id: id, area_code: code, area_name: name, area_type: type, period: period.label, period_start: period.start, period_end: period.end, sex: normaliseSex(read.text(f, at.sex)), age: read.text(f, at.age), value: value.value, null_reason: value.reason },
          n,
          isPercentUnit(units),
        );
      },
    };
  },
};
