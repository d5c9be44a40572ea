import { describe, expect, it } from "vitest";
import { compactText, findUrlSpans, normaliseForSearch, normaliseLine, normaliseText } from "./normalise-text";

describe("normaliseLine: glyphs from badly mapped fonts", () => {
  it("maps the Yi-syllable punctuation and guillemets to Chinese punctuation", () => {
    expect(normaliseLine("甲ꎬ乙ꎮ 丙ꎻ丁")).toBe("甲，乙。丙；丁");
    expect(normaliseLine("见«论‹网›»ꎮ")).toBe("见《论〈网〉》。");
  });

  it("reads ꎬ as an ASCII comma inside English citations", () => {
    expect(normaliseLine("“Ｔｈｅ Ｓｕｍｍｉｔꎬ” ３ Ｍａｙ ２０１９ꎬ ｐ.１０ꎬ ｈｔｔｐｓ: / / ａ.ｏｒｇ / ."))
      .toBe("“The Summit,” 3 May 2019, p.10, https://a.org/.");
    expect(normaliseLine("２０２０ 年 １ 月 ２ 日ꎬ ｈｔｔｐｓ: / / ａ.ｃｎ")).toBe("2020年1月2日，https://a.cn");
  });

  it("reads ꎬ as an ASCII comma when a space and a line break stand between it and the citation's next word", () => {
    expect(normaliseText("Ｔｈｅ Ｒｉｓｋｓ Ｒｅｐｏｒｔꎬ ｐｐ.４５-５６ꎬ \nｈｔｔｐｓ: / / ａ.ｏｒｇ / ｒ.ｐｄｆ.")).toBe("The Risks Report, pp.45-56, https://a.org/r.pdf.");
    expect(normaliseText("２０２０ 年 １ 月 ２ 日ꎬ \n新华网")).toBe("2020年1月2日，新华网");
  });

  it("folds full-width Latin letters, digits and URL symbols to ASCII", () => {
    expect(normaliseLine("ｈｔｔｐ")).toBe("http");
    expect(normaliseLine("２０１５")).toBe("2015");
    expect(normaliseLine("第 １８２－１９０ 页")).toBe("第182-190页");
  });

  it("turns a run of three em dashes into the two-em dash", () => {
    expect(normaliseLine("技术———特别是")).toBe("技术——特别是");
    expect(normaliseLine("中国—东盟")).toBe("中国—东盟");
  });
});

describe("normaliseLine: punctuation and spaces in Chinese context", () => {
  it("widens ASCII : ( ) ? ; , next to Chinese", () => {
    expect(normaliseLine("提要:在过去")).toBe("提要：在过去");
    expect(normaliseLine("技术(ＩＣＴ)已成为")).toBe("技术（ICT）已成为");
    expect(normaliseLine("“胁迫”? 是否")).toBe("“胁迫”？是否");
    expect(normaliseLine("共同关切 , 推动")).toBe("共同关切，推动");
    expect(normaliseLine("主张”:一方面")).toBe("主张”：一方面");
  });

  it("keeps ASCII punctuation in English and in URLs", () => {
    expect(normaliseLine("Ｎｅｔ: Ｇｌｏｂａｌ Ｍｅｅｔｉｎｇ (２０１４)")).toBe("Net: Global Meeting (2014)");
    expect(normaliseLine("Nye Jr., “The Regime,” May 20, 2014")).toBe("Nye Jr., “The Regime,” May 20, 2014");
    expect(normaliseLine("ｈｔｔｐ: / / ａ.ｃｎ / ｂ.ｈｔｍ? ｃｏｍｍｅｎｔｓ＝ １ꎮ")).toBe("http://a.cn/b.htm?comments=1。");
  });

  it("drops spurious spaces between Chinese characters and around numbers next to Chinese", () => {
    expect(normaliseLine("近 ３０ 年来")).toBe("近30年来");
    expect(normaliseLine("２０１５ 年 １２ 月")).toBe("2015年12月");
    expect(normaliseLine("结论ꎮ 对此ꎬ")).toBe("结论。对此，");
    expect(normaliseLine("〔提   要〕作为")).toBe("〔提要〕作为");
  });

  it("keeps real spaces between Latin words", () => {
    expect(normaliseLine("沃尔夫(Ｓｔｅｐｈｅｎ Ｗｏｌｆｆ)指出")).toBe("沃尔夫（Stephen Wolff）指出");
    expect(normaliseLine("( ＩＥＥＥ ＳＡ Ｂｏａｒｄ)ꎮ")).toBe("（IEEE SA Board）。");
  });

  it("closes the padding inside URLs and around slashes", () => {
    expect(normaliseLine("ｈｔｔｐ: / / ｗｗｗ. ｅｘａｍｐｌｅ. ｃｎ / ２０２３－ １０ / ｃ＿１.ｈｔｍꎮ"))
      .toBe("http://www.example.cn/2023-10/c_1.htm。");
    expect(normaliseLine("ＣＮＣＥＲＴ / ＣＣ 还")).toBe("CNCERT/CC还");
    expect(normaliseLine("ｍｉｎｉｓｔｒｙ － ｏｆ － ａｆｆａｉｒｓ")).toBe("ministry - of - affairs");
    expect(normaliseLine("ｈｔｔｐｓ: / / ａ.ｎｌ / ｍｉｎｉｓｔｒｙ － ｏｆ － ａｆｆａｉｒｓ / ｘꎻ")).toBe("https://a.nl/ministry-of-affairs/x；");
  });

  it("does not glue the sentence after a URL onto it", () => {
    expect(normaliseLine("see https://a.org/report.pdf. Accessed 3 May")).toBe("see https://a.org/report.pdf. Accessed 3 May");
  });
});

describe("normaliseText: joining printed lines", () => {
  it("joins Chinese lines without a space and Latin words with one", () => {
    expect(normaliseText("网络空间的\n治理")).toBe("网络空间的治理");
    expect(normaliseText("on Advancing \nResponsible State")).toBe("on Advancing Responsible State");
    expect(normaliseText("Ｗｏｒｌｄꎬ” Ｍａｙ\n２０１１ꎬ ｐ.１０")).toBe("World,” May 2011, p.10");
    // A comma at the end of a line is English or Chinese by what the next line starts with.
    expect(normaliseText("３ Ｍａｙ ２０１９ꎬ\n\nｈｔｔｐｓ: / / ａ.ｃｚ / .")).toBe("3 May 2019, https://a.cz/.");
    expect(normaliseText("第 ３ 期ꎬ\n载«某刊»")).toBe("第3期，载《某刊》");
  });

  it("joins a line ending in a bracket marker after Chinese to the next without a space, even before digits", () => {
    expect(normaliseText("意见并未被采纳。[2]\n2002年2月")).toBe("意见并未被采纳。[2]2002年2月");
    expect(normaliseText("see Nye [2]\n2002")).toBe("see Nye [2] 2002");
  });

  it("removes the ￣ line-break hyphen and joins broken words and URLs", () => {
    expect(normaliseText("Ｉｎｔｅｒ￣\nｎｅｔ２ 高级顾问")).toBe("Internet2高级顾问");
    expect(normaliseText("ｈｔｔｐ: / / ｗｗｗ.ｘｉｎ￣\nｈｕａ.ｃｏｍ / ａꎮ")).toBe("http://www.xinhua.com/a。");
  });

  it("continues a URL broken at the end of a line", () => {
    expect(normaliseText("http://www.\ngov.cn/a_1.htm。")).toBe("http://www.gov.cn/a_1.htm。");
    expect(normaliseText("http://a.cn/b.htm?lsRedirectHit=2\n0560931。")).toBe("http://a.cn/b.htm?lsRedirectHit=20560931。");
    expect(normaliseText("ｈｔｔｐｓ: / /\n\nｎｅｔ.ｂｒ / .")).toBe("https://net.br/.");
    expect(normaliseText("ｈｔｔｐ: / / ａ.ｃｎ / ｃ＿１１９.\nｈｔｍꎮ")).toBe("http://a.cn/c_119.htm。");
  });

  it("keeps a page range broken after its hyphen whole", () => {
    expect(normaliseText("第 ４４－\n６７ 页ꎮ")).toBe("第44-67页。");
  });
});

describe("findUrlSpans", () => {
  it("finds padded URLs and stops at Chinese", () => {
    const s = "见 http: / / a.cn / b。后";
    const [span] = findUrlSpans(s);
    expect(span).toBeDefined();
    expect(s.slice(span![0], span![1])).toBe("http: / / a.cn / b");
  });
});

describe("normaliseForSearch and compactText", () => {
  it("meets the text whatever the width, spacing, punctuation and case of the query", () => {
    const text = normaliseText("习近平 ２０１５ 年 １２ 月在第二届大会(ＷＩＣ)上ꎬ");
    expect(normaliseForSearch(text)).toBe("习近平2015年12月在第二届大会wic上");
    expect(normaliseForSearch("２０１５ 年 12月 在第二届")).toBe("2015年12月在第二届");
    expect(normaliseForSearch(text)).toContain(normaliseForSearch("２０１５ 年 12月 在第二届"));
  });

  it("compactText drops punctuation, spaces and markers but keeps case", () => {
    expect(compactText("《网络》，Cyber Space①。")).toBe("网络CyberSpace");
  });
});
