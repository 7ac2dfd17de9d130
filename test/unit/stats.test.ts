import { describe, expect, it } from "vitest";
import { binomialHalfCdf, medianInterval, signTestP } from "../support/stats";

describe("timing statistics", () => {
  it("binomial tail of a fair coin", () => {
    expect(binomialHalfCdf(0, 1)).toBeCloseTo(0.5, 12);
    expect(binomialHalfCdf(2, 4)).toBeCloseTo(11 / 16, 12);
    expect(binomialHalfCdf(200, 200)).toBeCloseTo(1, 12);
    // 60 or fewer heads in 200 tosses: about 1.2e-8.
    expect(binomialHalfCdf(60, 200)).toBeGreaterThan(1e-9);
    expect(binomialHalfCdf(60, 200)).toBeLessThan(1e-7);
  });

  it("sign test: an even split is no evidence, 178 of 200 is overwhelming", () => {
    expect(signTestP(100, 200)).toBe(1);
    expect(signTestP(178, 200)).toBeLessThan(1e-20);
    expect(signTestP(22, 200)).toBe(signTestP(178, 200));
  });

  it("median interval covers the median and narrows with more values", () => {
    const values = Array.from({ length: 200 }, (_, i) => i - 99.5);
    const wide = medianInterval(values, 1e-6);
    expect(wide.low).toBeLessThan(0);
    expect(wide.high).toBeGreaterThan(0);
    const narrow = medianInterval(values, 0.05);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
    expect(medianInterval([1, 2, 3], 1e-6)).toEqual({ low: -Infinity, high: Infinity });
  });
});
