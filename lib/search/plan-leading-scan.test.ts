import { describe, expect, it } from "vitest";
import { BITMAP_FETCH_COST_IN_POSTINGS, type GramStatistics, planLeadingScan, SCAN_ROW_COST_IN_POSTINGS } from "./plan-leading-scan";

const statistics = (rows: number, frequency: Record<string, number>, rowsPerPage = 14): GramStatistics => ({
  frequency: new Map(Object.entries(frequency)),
  rows,
  pages: Math.ceil(rows / rowsPerPage),
});

const large = statistics(200_000, { 的: 0.68, 网络: 0.72, 网: 0.87, 据: 0.09, 治理: 0.5 });

describe("planLeadingScan", () => {
  it("reads in order when most blocks contain the term: twice the pages its frequency predicts", () => {
    const pages = planLeadingScan(["的"], 1001, large);
    expect(pages).toBe(Math.ceil((2 * 1001) / 0.68 / (200_000 / Math.ceil(200_000 / 14))));
    expect(planLeadingScan(["网"], 1001, large)).toBeLessThan(pages);
  });

  it("uses the index for a term few blocks contain, or one the statistics do not list", () => {
    expect(planLeadingScan(["据"], 1001, large)).toBe(0);
    expect(planLeadingScan(["鸿沟"], 1001, large)).toBe(0);
  });

  it("leaves terms of three or more characters to the index, whatever their pairs' frequency", () => {
    expect(planLeadingScan(["网络网络"], 1001, statistics(200_000, { 网络: 0.72, 络网: 0.9, 网络网络: 0.9 }))).toBe(0);
    expect(planLeadingScan(["的", "网络空间"], 1001, large)).toBe(0);
  });

  it("multiplies the frequencies of several terms, and counts a repeated term once", () => {
    const both = planLeadingScan(["的", "网络"], 1001, large);
    expect(both).toBeGreaterThan(planLeadingScan(["网络"], 1001, large));
    expect(both).toBe(Math.ceil((2 * 1001) / (0.68 * 0.72) / (200_000 / Math.ceil(200_000 / 14))));
    expect(planLeadingScan(["的", "的"], 1001, large)).toBe(planLeadingScan(["的"], 1001, large));
    expect(planLeadingScan(["的", "治理"], 1001, large)).toBeGreaterThan(0); // 34% of blocks: two long posting lists
    expect(planLeadingScan(["的", "据"], 1001, large)).toBe(0); // 6%: the index reads less
  });

  it("on a small table, uses the index for a term few blocks contain and reads in order one most blocks contain", () => {
    const small = statistics(2_000, { 的: 0.68, 据: 0.09 });
    // 据: 180 matches fetched through the index against 11,000 rows' worth of reading in order.
    expect(planLeadingScan(["据"], 1001, small)).toBe(0);
    // 的: the index would fetch 1,001 of its 1,360 blocks one by one, where the table's first 1,472 rows hold them.
    expect((1001 / 0.68) * SCAN_ROW_COST_IN_POSTINGS).toBeLessThan(0.68 * 2_000 + 1001 * BITMAP_FETCH_COST_IN_POSTINGS);
    expect(planLeadingScan(["的"], 1001, small)).toBe(Math.ceil((2 * 1001) / 0.68 / (2_000 / Math.ceil(2_000 / 14))));
  });

  it("prices the blocks the index fetches: at 1,003 essays (57,354 blocks) a term in 30% of them is read in order, one in 20% is not", () => {
    // Measured there (plan-leading-scan.ts): the leading scan cost 7.9 ms of CPU against the index's 10.0 at 30%, 8.8 against 6.3 at 20%.
    const corpus = statistics(57_354, { 安全: 0.299, 年第: 0.201 });
    expect(planLeadingScan(["安全"], 1001, corpus)).toBeGreaterThan(0);
    expect(planLeadingScan(["年第"], 1001, corpus)).toBe(0);
  });

  it("uses the index when there are no statistics", () => {
    expect(planLeadingScan(["的"], 1001, null)).toBe(0);
    expect(planLeadingScan(["的"], 1001, { frequency: new Map([["的", 0.68]]), rows: 0, pages: 0 })).toBe(0);
  });
});
