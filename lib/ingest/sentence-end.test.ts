import { describe, expect, it } from "vitest";
import { endsFullStop, endsSentence } from "./sentence-end";

describe("sentence-end", () => {
  it("sees sentence ends through closing quotes and markers", () => {
    expect(endsSentence("这是结论。")).toBe(true);
    expect(endsSentence("说了算。”⑦")).toBe(true);
    expect(endsSentence("原则[3]")).toBe(false);
    expect(endsSentence("如下：")).toBe(true);
    expect(endsFullStop("如下：")).toBe(false);
    expect(endsSentence("还在继续")).toBe(false);
  });

  it("does not take a URL broken after a dot for a sentence end", () => {
    expect(endsSentence("http://www.example.cn/a/c_1234.")).toBe(false);
    expect(endsSentence("gov.cn/wjb_673085/t20170301_7669140.")).toBe(false);
    expect(endsSentence("“Summit,” https://london.example.com/ .")).toBe(true);
    expect(endsSentence("Cyber Activities, May 2014.")).toBe(true);
  });
});
