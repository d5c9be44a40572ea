import { describe, expect, it } from "vitest";
import { chooseIndexGrams, PAIRS_PER_TERM } from "./choose-index-grams";
import type { GramStatistics } from "./plan-leading-scan";

const statistics: GramStatistics = {
  frequency: new Map(Object.entries({ 网络: 0.72, 络空: 0.57, 空间: 0.57, 间命: 0.24, 命运: 0.25, 运共: 0.25, 共同: 0.39, 的: 0.68 })),
  rows: 200_000,
  pages: 14_000,
};

describe("chooseIndexGrams", () => {
  it("asks for a 1- or 2-character term itself", () => {
    expect(chooseIndexGrams(["的"], statistics)).toEqual(["的"]);
    expect(chooseIndexGrams(["鸿沟"], null)).toEqual(["鸿沟"]);
  });

  it("asks for the rarest pairs of a longer term", () => {
    expect(PAIRS_PER_TERM).toBe(2);
    expect(chooseIndexGrams(["网络空间命运共同"], statistics)).toEqual(["间命", "命运"]);
  });

  it("takes a pair the statistics do not list for rarer than any they do, in the term's order", () => {
    expect(chooseIndexGrams(["网络主权"], statistics)).toEqual(["络主", "主权"]);
    expect(chooseIndexGrams(["共同体"], statistics)).toEqual(["同体", "共同"]);
  });

  it("asks for every pair without statistics, each once", () => {
    expect(chooseIndexGrams(["网络空间"], null)).toEqual(["网络", "络空", "空间"]);
    expect(chooseIndexGrams(["哈哈哈哈"], null)).toEqual(["哈哈"]);
  });

  it("joins the grams of several terms without repeats", () => {
    expect(chooseIndexGrams(["网络", "网络空间命运", "的", "网络"], statistics)).toEqual(["网络", "间命", "命运", "的"]);
  });

  it("splits on characters, not UTF-16 units", () => {
    expect(chooseIndexGrams(["𠀀𠀁"], statistics)).toEqual(["𠀀𠀁"]);
    expect(chooseIndexGrams(["𠀀𠀁𠀂"], null)).toEqual(["𠀀𠀁", "𠀁𠀂"]);
  });
});
