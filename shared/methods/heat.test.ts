import { describe, expect, it } from 'vitest';
import {
  HEAT_MEASURES,
  heatMeasure,
  heatMeasures,
  type HeatInput,
  type HeatMeasureId,
} from './heat';
import { MethodInputError } from './errors';

// Sources of expected numbers:
// - "hand": worked by hand from the formulas in the module docs; the arithmetic is in the comments.
// - "numpy": an independent re-derivation in Python (numpy 2.4 / scipy 1.17) by matrix algebra, and
//   for SII/RII by maximising the binomial likelihood with scipy's trust-exact optimiser (a
//   different algorithm from our IRLS), then the HC1 sandwich by explicit matrices.
// Published numbers (WHO healthequal 1.0.1 test suite) are reproduced in heat.healthequal.test.ts.
const Z = 1.959963984540054; // qnorm(0.975)

/**
 * Example A, non-ordered (three regions), adverse indicator on a percentage scale:
 * y = 10, 20, 30; populations 100, 200, 100 -> shares p = 0.25, 0.5, 0.25; se = 1, 2, 3.
 * μ = 0.25·10 + 0.5·20 + 0.25·30 = 20.
 */
const A: HeatInput = {
  subgroups: ['North', 'Centre', 'South'],
  estimates: [10, 20, 30],
  populations: [100, 200, 100],
  se: [1, 2, 3],
  ordered: false,
  favourable: false,
  scale: 100,
};
const get = (input: HeatInput, id: HeatMeasureId, options = {}) => heatMeasure(id, input, options);

describe('HEAT example A (non-ordered, adverse): hand-worked', () => {
  it('D = highest − lowest = 30 − 10 = 20; SE = √(3² + 1²) = √10', () => {
    const r = get(A, 'D');
    expect(r.estimate).toBe(20);
    expect(r.se).toBeCloseTo(Math.sqrt(10), 14);
    expect(r.lower).toBeCloseTo(20 - Z * Math.sqrt(10), 12);
    expect(r.subgroupsUsed).toEqual(['South', 'North']);
    expect(r.ciMethod).toBe('analytic');
  });
  it('R = 30/10 = 3; SE(ln R) = √((3/30)² + (1/10)²) = √0.02', () => {
    const r = get(A, 'R');
    expect(r.estimate).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(0.02), 14);
    expect(r.lower).toBeCloseTo(3 * Math.exp(-Z * Math.sqrt(0.02)), 12);
    expect(r.upper).toBeCloseTo(3 * Math.exp(Z * Math.sqrt(0.02)), 12);
  });
  it('BGV = 0.25·(−10)² + 0.5·0 + 0.25·10² = 50, SE (Ahn 2018) = √260.40625', () => {
    // Σp²se²(y−μ)² = 0.0625·1·100 + 0 + 0.0625·9·100 = 62.5
    // (Σp²se²)² = (0.0625 + 1 + 0.5625)² = 1.625² = 2.640625
    // Σp⁴se⁴ = 0.00390625 + 0.0625·16 + 0.00390625·81 = 1.3203125
    // Σp²(1−p)²se⁴ = 0.03515625 + 1 + 2.84765625 = 3.8828125
    // var = 4·62.5 + 2·(2.640625 − 1.3203125 + 3.8828125) = 250 + 10.40625 = 260.40625
    const r = get(A, 'BGV');
    expect(r.estimate).toBeCloseTo(50, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(260.40625), 12);
  });
  it('BGSD = √50, COV = 100·√50/20 = 35.3553...; no interval without simulation', () => {
    expect(get(A, 'BGSD').estimate).toBeCloseTo(Math.sqrt(50), 12);
    const cov = get(A, 'COV');
    expect(cov.estimate).toBeCloseTo((100 * Math.sqrt(50)) / 20, 12);
    expect(cov).toMatchObject({ ciMethod: 'none', lower: null, upper: null });
  });
  it('mean differences and index of disparity', () => {
    // |y − μ| = 10, 0, 10: MDMU = 20/3, MDMW = 0.25·10 + 0.25·10 = 5; IDISU = 100·(20/3)/20, IDISW = 100·5/20.
    expect(get(A, 'MDMU').estimate).toBeCloseTo(20 / 3, 13);
    expect(get(A, 'MDMW').estimate).toBeCloseTo(5, 13);
    expect(get(A, 'IDISU').estimate).toBeCloseTo(100 / 3, 12);
    expect(get(A, 'IDISW').estimate).toBeCloseTo(25, 12);
    // Adverse: best = lowest = 10. |y − 10| = 0, 10, 20: MDBU = 30/3 = 10; MDBW = 0.5·10 + 0.25·20 = 10.
    expect(get(A, 'MDBU')).toMatchObject({ estimate: 10, subgroupsUsed: ['North'] });
    expect(get(A, 'MDBW').estimate).toBeCloseTo(10, 13);
    // Favourable: best = highest = 30. |y − 30| = 20, 10, 0: MDBU = 10; MDBW = 0.25·20 + 0.5·10 = 10.
    expect(get({ ...A, favourable: true }, 'MDBW')).toMatchObject({ subgroupsUsed: ['South'] });
  });
  it('a reference can be flagged per subgroup instead of named', () => {
    expect(get({ ...A, referenceFlags: [false, true, false] }, 'MDRW').estimate).toBeCloseTo(5, 13);
    expect(() => get({ ...A, referenceFlags: [true, true, false] }, 'MDRW')).toThrow(
      'referenceFlags: at most one',
    );
    expect(() =>
      get({ ...A, referenceFlags: [true, false, false], referenceSubgroup: 'Centre' }, 'D'),
    ).toThrow(/disagree/);
  });
  it('MDRU/MDRW need a reference subgroup; with Centre (20): 20/3 and 5', () => {
    expect(get(A, 'MDRU').reason).toBe('MDRU needs a reference subgroup');
    const withRef = { ...A, referenceSubgroup: 'Centre' };
    expect(get(withRef, 'MDRU').estimate).toBeCloseTo(20 / 3, 13);
    expect(get(withRef, 'MDRW').estimate).toBeCloseTo(5, 13);
  });
  it('Theil index and MLD (×1000) with Ahn (2018) SEs', () => {
    // r = 0.5, 1, 1.5. TI = 1000·(0.25·0.5·ln 0.5 + 0.25·1.5·ln 1.5) = 1000·(−0.0866434 + 0.1520495) = 65.406...
    // MLD = 1000·(0.25·ln 2 − 0.25·ln 1.5) = 1000·0.0719205 = 71.9205...
    // SE(MLD) = 1000·√Σ((1 − 1/r)·p·se)²/μ² = 1000·√((−1·0.25)² + 0 + (⅓·0.75)²)/20 = 1000·√0.125/20 = 17.6777
    const ti = get(A, 'TI');
    expect(ti.estimate).toBeCloseTo(1000 * (0.125 * Math.log(0.5) + 0.375 * Math.log(1.5)), 10);
    expect(ti.se).toBeCloseTo(16.224074381609668, 9); // numpy
    const mld = get(A, 'MLD');
    expect(mld.estimate).toBeCloseTo(1000 * (0.25 * Math.log(2) - 0.25 * Math.log(1.5)), 10);
    expect(mld.se).toBeCloseTo((1000 * Math.sqrt(0.125)) / 20, 10);
  });
  it('PAR and PAF against the best subgroup, Walter (1978) SE', () => {
    // Adverse, non-ordered: reference = best = lowest = North (10). PAR = 10 − 20 = −10; PAF = 100·(−10)/20 = −50.
    // Walter: N = 400, N_ref = 100, c = 0.10·100 = 10, d = 90, a = 0.20·400 − 10 = 70, b = 400 − 70 − 100 = 230.
    // var = c·N·(a·d·(N − c) + b·c²)/((a + c)³(c + d)³) = 10·400·(70·90·390 + 230·100)/(80³·100³)
    //     = 4000·2,480,000 / 5.12e11 = 0.019375;  SE(PAF) = 100·√0.019375 = 13.9194%;  SE(PAR) = 20·√0.019375.
    const par = get(A, 'PAR');
    expect(par).toMatchObject({ estimate: -10, subgroupsUsed: ['North'] });
    expect(par.se).toBeCloseTo(20 * Math.sqrt(0.019375), 12);
    const paf = get(A, 'PAF');
    expect(paf.estimate).toBeCloseTo(-50, 12);
    expect(paf.se).toBeCloseTo(100 * Math.sqrt(0.019375), 12);
    expect(paf.mean).toEqual({ value: 20, source: 'population-weighted mean' });
  });
  it('PAR uses the setting average when given, and is 0 when the reference is worse than it', () => {
    expect(get({ ...A, settingAverage: 21 }, 'PAR')).toMatchObject({
      estimate: -11,
      mean: { value: 21, source: 'setting average' },
    });
    // Reference subgroup South (30) is worse than μ = 20 for an adverse indicator -> no gain: 0.
    expect(get({ ...A, referenceSubgroup: 'South' }, 'PAF').estimate).toBe(0);
    // Shares instead of counts: no Walter interval.
    const shares = get({ ...A, populations: [0.25, 0.5, 0.25], populationIsShare: true }, 'PAF');
    expect(shares).toMatchObject({ estimate: -50, ciMethod: 'none' });
  });
  it('ordered-only measures are not applicable, with a reason', () => {
    for (const id of ['ACI', 'RCI', 'SII', 'RII'] as const) {
      const r = get(A, id);
      expect(r.estimate).toBeNull();
      expect(r.reason).toMatch(/ordered dimension/);
    }
  });
});

describe('HEAT reference subgroup logic for D (and R)', () => {
  const base: HeatInput = {
    subgroups: ['Q1', 'Q2', 'Q3'],
    estimates: [40, 10, 25],
    ordered: false,
    favourable: true,
  };
  it('non-ordered, no reference: highest − lowest whatever the polarity', () => {
    expect(get(base, 'D')).toMatchObject({ estimate: 30, subgroupsUsed: ['Q1', 'Q2'] });
    expect(get({ ...base, favourable: false }, 'D').estimate).toBe(30);
  });
  it('non-ordered with reference: favourable ref − lowest; adverse highest − ref', () => {
    expect(get({ ...base, referenceSubgroup: 'Q3' }, 'D')).toMatchObject({
      estimate: 15,
      subgroupsUsed: ['Q3', 'Q2'],
    });
    expect(get({ ...base, referenceSubgroup: 'Q3', favourable: false }, 'D')).toMatchObject({
      estimate: 15,
      subgroupsUsed: ['Q1', 'Q3'],
    });
    expect(get({ ...base, referenceSubgroup: 'Q3', favourable: false }, 'R').estimate).toBeCloseTo(
      40 / 25,
      14,
    );
  });
  it('ordered: favourable most − least advantaged; adverse least − most advantaged', () => {
    // order 1 = most disadvantaged. Q1 (order 3) is most advantaged here.
    const ordered = { ...base, ordered: true, order: [3, 1, 2] };
    expect(get(ordered, 'D')).toMatchObject({ estimate: 30, subgroupsUsed: ['Q1', 'Q2'] }); // 40 − 10
    expect(get({ ...ordered, favourable: false }, 'D')).toMatchObject({
      estimate: -30,
      subgroupsUsed: ['Q2', 'Q1'],
    }); // 10 − 40
  });
  it('D without SEs has no interval and says why', () => {
    expect(get(base, 'D')).toMatchObject({ ciMethod: 'none', se: null, lower: null });
    expect(get(base, 'D').ciNote).toMatch(/standard errors/);
  });
});

/**
 * Example B, ordered (five deprivation quintiles, 1 = most deprived), adverse, percentage scale:
 * y = 30, 24, 20, 15, 10; equal populations of 200 -> p = 0.2, midpoint ranks X = 0.1, 0.3, 0.5, 0.7, 0.9.
 */
const B: HeatInput = {
  subgroups: ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'],
  estimates: [30, 24, 20, 15, 10],
  populations: [200, 200, 200, 200, 200],
  order: [1, 2, 3, 4, 5],
  ordered: true,
  favourable: false,
  scale: 100,
};

describe('HEAT example B (ordered, adverse)', () => {
  it('ACI = Σp(2X − 1)y = 0.2·(−0.8·30 − 0.4·24 + 0 + 0.4·15 + 0.8·10) = −3.92; RCI = −3.92/19.8', () => {
    const aci = get(B, 'ACI');
    expect(aci.estimate).toBeCloseTo(-3.92, 13);
    expect(aci.se).toBeCloseTo(0.12220201853215598, 10); // numpy WLS, k − 2 df
    const rci = get(B, 'RCI');
    expect(rci.estimate).toBeCloseTo(-3.92 / 19.8, 13);
    expect(rci.se).toBeCloseTo(0.006171819117785644, 11); // numpy
  });
  it('without an order column, rows are taken most disadvantaged first', () => {
    const { order: _order, ...implicit } = B;
    expect(get(implicit, 'ACI').estimate).toBeCloseTo(-3.92, 13);
    expect(get({ ...implicit, estimates: [...B.estimates].reverse() }, 'ACI').estimate).toBeCloseTo(
      3.92,
      13,
    );
  });
  it('ACI is unchanged by sorting: subgroups given out of order', () => {
    const shuffled = {
      ...B,
      subgroups: ['Q3', 'Q1', 'Q5', 'Q2', 'Q4'],
      estimates: [20, 30, 10, 24, 15],
      order: [3, 1, 5, 2, 4],
    };
    expect(get(shuffled, 'ACI').estimate).toBeCloseTo(-3.92, 13);
  });
  it('SII and RII by logistic regression match an independent likelihood fit (numpy/scipy)', () => {
    const sii = get(B, 'SII');
    expect(sii.estimate).toBeCloseTo(-24.55683621626526, 5); // scipy optimum to gradient 1e-10
    expect(sii.se).toBeCloseTo(1.4643397177864246, 5);
    const rii = get(B, 'RII');
    expect(rii.estimate).toBeCloseTo(0.27837499261351484, 6);
    expect(rii.se).toBeCloseTo(0.09575367910412091, 6);
    expect(rii.lower).toBeCloseTo(0.27837499261351484 * Math.exp(-Z * 0.09575367910412091), 6);
  });
  it('SII with unequal populations (numpy/scipy), and the same for counts or shares', () => {
    const unequal = { ...B, populations: [1200, 3400, 2100, 5000, 2300] };
    const sii = get(unequal, 'SII');
    expect(sii.estimate).toBeCloseTo(-21.116620539938047, 5);
    expect(sii.se).toBeCloseTo(1.1227059796720613, 5);
    const shares = get(
      {
        ...unequal,
        populations: [0.08, 0.2266667, 0.14, 0.3333333, 0.1533333],
        populationIsShare: true,
      },
      'SII',
    );
    expect(shares.estimate).toBeCloseTo(sii.estimate!, 4); // shares rounded to 7 dp
  });
  it('linear SII on exactly linear data is the slope: y = 32.5 − 25X -> SII = −25, RII = 7.5/32.5', () => {
    const linear = { ...B, estimates: [30, 25, 20, 15, 10] };
    expect(get(linear, 'SII', { regression: 'linear' }).estimate).toBeCloseTo(-25, 12);
    expect(get(linear, 'RII', { regression: 'linear' }).estimate).toBeCloseTo(7.5 / 32.5, 12);
  });
  it('PAF for an ordered dimension uses the most advantaged subgroup (Q5)', () => {
    // μ = 0.2·(30 + 24 + 20 + 15 + 10) = 19.8; PAR = 10 − 19.8 = −9.8; PAF = −9.8/19.8·100.
    expect(get(B, 'PAR')).toMatchObject({ subgroupsUsed: ['Q5'] });
    expect(get(B, 'PAR').estimate).toBeCloseTo(-9.8, 12);
    expect(get(B, 'PAF').estimate).toBeCloseTo((-9.8 / 19.8) * 100, 12);
  });
  it('non-ordered measures are not applicable to an ordered dimension', () => {
    expect(get(B, 'BGV').reason).toBe('BGV is a measure for non-ordered dimensions');
  });
  it('SII needs the scale for the logit model', () => {
    expect(get({ ...B, scale: null }, 'SII').reason).toMatch(/scale/);
  });
});

describe('heatMeasures', () => {
  it('returns all 21 measures in order, each with a CI rule stated', () => {
    const all = heatMeasures(A);
    expect(HEAT_MEASURES).toHaveLength(21);
    expect(all.map((r) => r.measure)).toEqual(HEAT_MEASURES);
    for (const r of all) {
      expect(r.ciNote.length).toBeGreaterThan(0);
      if (r.estimate !== null) expect(Number.isFinite(r.estimate)).toBe(true);
      else expect(r.reason).toBeDefined();
    }
  });
  it('simulation intervals are reproducible by seed and collapse when SEs are tiny', () => {
    const options = { simulation: { draws: 200, seed: 123456 } };
    const one = get(A, 'MDBW', options);
    const two = get(A, 'MDBW', options);
    expect(one).toEqual(two);
    expect(one.ciMethod).toBe('simulation');
    expect(one.lower!).toBeLessThan(one.upper!);
    const tiny = get({ ...A, se: [1e-9, 1e-9, 1e-9] }, 'COV', options);
    expect(tiny.lower).toBeCloseTo(tiny.estimate!, 6);
    expect(tiny.upper).toBeCloseTo(tiny.estimate!, 6);
  });
  it('bad input throws MethodInputError naming group and field', () => {
    const g = { ...A, group: 'Indicator=90366' };
    expect(() => heatMeasures({ ...g, estimates: [1, 2] })).toThrow(
      'Indicator=90366, estimates: has 2 entries but there are 3 subgroups',
    );
    expect(() => heatMeasures({ ...g, estimates: [1, Number.NaN, 3] })).toThrow(
      'Indicator=90366, Subgroup=Centre, estimates: NaN',
    );
    expect(() => heatMeasures({ ...g, populations: [1, -2, 3] })).toThrow(
      'Subgroup=Centre, populations',
    );
    expect(() => heatMeasures({ ...g, referenceSubgroup: 'East' })).toThrow(
      /reference subgroup 'East'/,
    );
    expect(() => heatMeasures({ ...g, ordered: true, order: [1, 1, 2] })).toThrow(
      'Indicator=90366, order: subgroup orders must be distinct',
    );
    expect(() => heatMeasures({ ...g, estimates: [10, 20, 300] })).toThrow(/exceeds the scale 100/);
    expect(() => heatMeasures(g, { measures: ['XYZ' as HeatMeasureId] })).toThrow(MethodInputError);
  });
});
