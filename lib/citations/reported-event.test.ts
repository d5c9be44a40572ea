import { describe, expect, it } from "vitest";
import { citingSentence, namedEvents, reportedEvent, reportedSpeaker } from "./reported-event";

const report = (title: string, date: string | null = "2018-04-21", container: string | null = "新华网") => ({ title, date, container, url: null });

describe("reported events", () => {
  it("reads the person a headline opens with", () => {
    expect(reportedSpeaker("习近平：自主创新推进网络强国建设")).toBe("习近平");
    expect(reportedSpeaker("习近平出席全国网络安全和信息化工作会议并发表重要讲话")).toBe("习近平");
    expect(reportedSpeaker("李强在第七届数字中国建设峰会上致辞")).toBe("李强");
    expect(reportedSpeaker("全球网络空间治理的中国方案")).toBeNull();
    expect(reportedSpeaker(null)).toBeNull();
  });

  it("names events by their whole name, without the date, verb or preposition before them", () => {
    expect(namedEvents("习近平出席全国网络安全和信息化工作会议并发表重要讲话")).toEqual(["全国网络安全和信息化工作会议"]);
    expect(namedEvents("例如，在2018年4月全国网络安全和信息化工作会议（以下简称“工作会议”）上，他强调")).toEqual(["全国网络安全和信息化工作会议"]);
    expect(namedEvents("习近平在第二届世界互联网大会开幕式上的讲话")).toEqual(["第二届世界互联网大会"]);
    // The abbreviation and the full form are one event; a bare 大会 is none.
    expect(namedEvents("全国网信工作会议")).toEqual(["全国网络安全和信息化工作会议"]);
    expect(namedEvents("在大会上")).toEqual([]);
  });

  it("takes the sentence that calls a note, skipping the full stop the marker follows", () => {
    const text = "此后，他又在多个场合提及这个问题。例如，在2018年4月全国网络安全和信息化工作会议上，他强调变革。总之，面对";
    const marker = text.indexOf("总之");
    expect(citingSentence(text, marker)).toBe("例如，在2018年4月全国网络安全和信息化工作会议上，他强调变革");
    expect(citingSentence("开头一句话", 3)).toBe("开头一");
  });

  it("is the speaker, the day and the event of a dated report, the headline's event before the sentence's", () => {
    expect(reportedEvent(report("习近平：自主创新推进网络强国建设"), "在2018年4月全国网络安全和信息化工作会议上，他强调")).toEqual({
      speaker: "习近平",
      day: "2018-04-21",
      event: "全国网络安全和信息化工作会议",
      eventFrom: "citing sentence",
    });
    expect(reportedEvent(report("习近平出席全国网络安全和信息化工作会议并发表重要讲话"), "在世界互联网大会上")?.eventFrom).toBe("title");
    // A sentence naming two events names none of them for the report.
    expect(reportedEvent(report("习近平：推进网络强国建设"), "在第二届世界互联网大会和全国网络安全和信息化工作会议上")?.event).toBeNull();
  });

  it("is null for what is not a day-dated report by an outlet", () => {
    expect(reportedEvent(report("习近平：推进网络强国建设", "2018-04"), null)).toBeNull();
    expect(reportedEvent(report("习近平：推进网络强国建设", "2018-04-21", null), null)).toBeNull();
    expect(reportedEvent(report("网络强国建设的理论与实践"), null)).toBeNull();
  });
});
