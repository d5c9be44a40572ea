import { describe, expect, it } from "vitest";
import { matchHeading } from "./match-heading";

describe("matchHeading", () => {
  it("reads the usual Chinese enumerators and levels", () => {
    expect(matchHeading("一、制度的起源")).toEqual({ level: 1, label: "一", text: "制度的起源" });
    expect(matchHeading("三\u3000 模式的比较:方法")).toEqual({ level: 1, label: "三", text: "模式的比较：方法" });
    expect(matchHeading("(二)治理原则")).toEqual({ level: 2, label: "（二）", text: "治理原则" });
    expect(matchHeading("（四）结论")).toMatchObject({ level: 2, label: "（四）" });
    expect(matchHeading("１. 数据来源")).toMatchObject({ level: 3, label: "1." });
    expect(matchHeading("（2）样本")).toMatchObject({ level: 4, label: "（2）" });
    expect(matchHeading("第一章 导论")).toMatchObject({ level: 1, label: "第一章" });
  });

  it("does not take sentences for headings", () => {
    expect(matchHeading("一是建立平等相待的伙伴关系")).toBeNull();
    expect(matchHeading("二十国集团等多边场合倡导这一理念，")).toBeNull();
    expect(matchHeading("一、坚持对话协商，建设一个持久和平的世界。")).toBeNull();
    expect(matchHeading("2015 年以来的变化")).toBeNull();
    expect(matchHeading(`一、${"很长的标题".repeat(10)}`)).toBeNull();
    // The rest of a web address wrapped after two digits.
    expect(matchHeading("２２.ｐｄｆ.")).toBeNull();
  });
});
