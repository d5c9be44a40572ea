import { describe, expect, it } from "vitest";
import { circledNumber, findMarkers, leadingNoteLabel, markerListLabels, parseMarkerLabel, removeMarkers } from "./find-markers";

describe("find-markers", () => {
  it("reads circled and bracketed labels", () => {
    expect(circledNumber("①")).toBe(1);
    expect(circledNumber("⑳")).toBe(20);
    expect(circledNumber("㉑")).toBe(21);
    expect(parseMarkerLabel("[12]")).toEqual({ number: 12, style: "bracket" });
    expect(parseMarkerLabel("12")).toBeNull();
  });

  it("finds markers in text but never bare digits in dates or URLs", () => {
    const text = "2015年12月，会议召开。①见http://a.cn/2015/12/1.htm，另见[2]。";
    expect(findMarkers(text).map((m) => m.label)).toEqual(["①", "[2]"]);
  });

  it("removes markers and records offsets in the cleaned text", () => {
    const { text, markers } = removeMarkers("甲乙。①丙丁“戊”②，己[3]");
    expect(text).toBe("甲乙。丙丁“戊”，己");
    expect(markers).toEqual([
      { label: "①", offset: 3 },
      { label: "②", offset: 8 },
      { label: "[3]", offset: 10 },
    ]);
  });

  it("recognises marker-list lines and labelled note starts", () => {
    expect(markerListLabels(" ①")).toEqual(["①"]);
    expect(markerListLabels("② ④")).toEqual(["②", "④"]);
    expect(markerListLabels("①见上文")).toBeNull();
    expect(leadingNoteLabel("[1]\u3000《书名》，出版社。")).toMatchObject({ label: "[1]", separator: "wide" });
    expect(leadingNoteLabel("① 对于这一问题")).toMatchObject({ label: "①", separator: "space" });
    expect(leadingNoteLabel("①技术层面")).toMatchObject({ separator: "none" });
    expect(leadingNoteLabel("正文[1]")).toBeNull();
  });
});
