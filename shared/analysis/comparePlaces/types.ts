/**
 * The contract of the "compare places" recipe (issue 7): what it takes (an analysis context)
 * and what it returns (rows of comparisons, ranks, trends and statements). The app's views,
 * the `analyse` command and the exports all read these types; figure builders in
 * shared/figures take them as input. Keep this file free of logic.
 */
import type { AreaRef } from '../../figures/spec';
import type { Polarity } from '../../model/vocabulary';

/** Where the comparison is anchored: the analyst's choice, saved in the workspace settings. */
export interface AnalysisContext {
  readonly focus: AreaRef;
  /**
   * Comparators by code. `england` and `region` are resolved from the geography tables for
   * each area (every area is compared with England and with its own region); any other entry
   * is an area code compared for every area.
   */
  readonly comparators: readonly string[];
  /** The areas ranked and drawn beside the focus (e.g. the 33 London boroughs). */
  readonly peers: PeerChoice;
  /** Per-indicator polarity set by the user; overrides the indicator metadata. */
  readonly polarityOverrides: Readonly<Record<string, Polarity>>;
}

export type PeerChoice =
  | { readonly kind: 'region' } // areas of the focus's type in its region (London boroughs)
  | { readonly kind: 'county'; readonly code: string } // a county and its districts
  | { readonly kind: 'same-type' } // all areas of the focus's area type
  | { readonly kind: 'group'; readonly name: string; readonly codes: readonly string[] }; // peer group or file

/** One indicator x period x sex x age x category slice: the unit every view iterates over. */
export interface SliceKey {
  readonly indicatorId: string;
  readonly period: string;
  readonly sex: string; // vocabulary: 'Persons' | 'Male' | 'Female' | other as published
  readonly age: string;
  readonly categoryType: string; // '' when none
  readonly category: string; // '' when none
}

export interface IndicatorInfo {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  readonly valueType: string | null;
  readonly polarity: Polarity;
  /** Where the polarity came from. */
  readonly polaritySource: 'metadata' | 'user' | 'default';
  readonly multiplier: number | null;
}

/** Where the limits of a value came from. */
export type LimitsSource = 'published' | 'computed-proportion' | 'computed-rate' | 'none';

/** An area's value in one slice. */
export interface AreaValue extends SliceKey {
  readonly areaCode: string;
  readonly areaName: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  readonly limitsSource: LimitsSource;
}

/** Fingertips words (FINGERTIPS-METHODS.md; docs/methods.md). */
export type ComparisonLabel = 'Better' | 'Similar' | 'Worse' | 'Higher' | 'Lower' | 'Not compared';

/** One area's value compared with one comparator's value in the same slice. */
export interface ComparisonRow extends AreaValue {
  readonly comparatorCode: string;
  readonly comparatorName: string;
  readonly comparatorValue: number | null;
  /** At 95% (the Fingertips default) and at 99.8%. */
  readonly comparison: ComparisonLabel;
  readonly comparison998: ComparisonLabel;
  /** e.g. 'ci-contains-benchmark'; why 'Not compared' when it is. */
  readonly method: string;
  readonly reason: string | null;
  /** area minus comparator, and area / comparator. */
  readonly gapAbsolute: number | null;
  readonly gapRelative: number | null;
  /** 95% CI of the absolute gap where both sides have one (see docs/methods.md). */
  readonly gapLower95: number | null;
  readonly gapUpper95: number | null;
}

/** The focus's rank among the peers with data, ties sharing the best rank. */
export interface RankRow extends SliceKey {
  readonly areaCode: string;
  readonly rank: number | null; // 1 = highest value
  readonly tiedWith: number; // number of other areas with the same value
  readonly ofAreas: number; // peers with a value
  readonly peerCount: number; // peers in the group
  readonly peerGroupName: string;
  /** "2nd highest of 33 London boroughs", "the lowest of the 32 with data". */
  readonly wording: string;
}

export type GapVerdict = 'widening' | 'narrowing' | 'no significant change' | 'cannot be tested';

export interface TrendRow extends Omit<SliceKey, 'period'> {
  readonly areaCode: string;
  /** Fingertips recent trend label (shared/methods/trend.ts). */
  readonly recentTrend: string;
  readonly trendMethod: string;
  readonly periods: readonly string[];
  /** Gap to a comparator over time and its tested verdict; one per comparator. */
  readonly gaps: readonly {
    readonly comparatorCode: string;
    readonly verdict: GapVerdict;
    readonly test: string;
    readonly slopePerYear: number | null;
    readonly pValue: number | null;
  }[];
  /** Significantly worse than England at the latest period and getting worse. */
  readonly redRed: boolean;
}

export interface Statement extends SliceKey {
  readonly areaCode: string;
  readonly text: string;
}

export interface PlaceComparison {
  readonly context: AnalysisContext;
  readonly indicators: readonly IndicatorInfo[];
  readonly peers: readonly AreaRef[];
  readonly peerGroupName: string;
  readonly comparisons: readonly ComparisonRow[];
  readonly ranks: readonly RankRow[];
  readonly trends: readonly TrendRow[];
  readonly statements: readonly Statement[];
  /** Things the user should know (no region found, indicator without polarity, ...). */
  readonly notes: readonly string[];
}
