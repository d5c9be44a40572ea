import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { crudeNormalise } from "@/tests/fixtures/citations/crude-normalise";
import { normaliseText } from "./normalise-text";
import { findUrls, isSuspiciousUrl, repairUrl, urlProblems } from "./repair-url";

describe("repairUrl", () => {
  it("removes padding spaces and keeps real hyphens in dated paths", () => {
    expect(repairUrl("http: / / www. xinhuanet. com / politics / 2018- 11 / 09 /c_1123.htm")).toBe(
      "http://www.xinhuanet.com/politics/2018-11/09/c_1123.htm",
    );
  });

  it("converts full-width characters and drops trailing sentence punctuation", () => {
    expect(repairUrl("ｈｔｔｐｓ: / / ｃｎ.ｅｘａｍｐｌｅ.ｏｒｇ / ２０１９－０３ / ０７ / ｃｏｎｔｅｎｔ＿４８２０１９３５.ｈｔｍ。")).toBe(
      "https://cn.example.org/2019-03/07/content_48201935.htm",
    );
    expect(repairUrl("https://summit2031.org/ .")).toBe("https://summit2031.org/");
    expect(repairUrl("https://unctad.org/publication/report-2021.")).toBe("https://unctad.org/publication/report-2021");
  });

  it("removes the line-break hyphen glyph but keeps hyphens printed as text", () => {
    expect(repairUrl("http://www.xin\uFFE3 huanet.com/politics/a-b.htm")).toBe("http://www.xinhuanet.com/politics/a-b.htm");
    expect(repairUrl("https://x.cz/series-of-recommen\uFFE3 dations-the-prague")).toBe(
      "https://x.cz/series-of-recommendations-the-prague",
    );
  });

  it("treats a hyphen before a break inside the host name as debris", () => {
    expect(repairUrl("http://www.xin- huanet.com/2018- 11/x.htm")).toBe("http://www.xinhuanet.com/2018-11/x.htm");
  });

  it("keeps a closing parenthesis the URL opened, drops one it did not", () => {
    expect(repairUrl("https://en.wikipedia.org/wiki/Internet_(disambiguation)")).toBe(
      "https://en.wikipedia.org/wiki/Internet_(disambiguation)",
    );
    expect(repairUrl("https://example.org/a)")).toBe("https://example.org/a");
  });
});

describe("findUrls", () => {
  it("stops at CJK punctuation and does not swallow the next citation", () => {
    const text =
      "《甲》，新华网，2017年9月16日，http: / / www. example. com / politics / 2016- 05 / 12 / c_1190443861. htm；《乙》，某网，2015年6月3日，http://news.example.com.cn/txt/2015-06/03/content_60417328.htm。";
    const spans = findUrls(text);
    expect(spans.map((s) => s.url)).toEqual([
      "http://www.example.com/politics/2016-05/12/c_1190443861.htm",
      "http://news.example.com.cn/txt/2015-06/03/content_60417328.htm",
    ]);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe(spans[0]!.raw);
    expect(text[spans[0]!.end]).toBe("；");
  });

  it("stops before English prose that follows a URL", () => {
    const spans = findUrls("See https://example.org/report.pdf. Accessed May 2020.");
    expect(spans.map((s) => s.url)).toEqual(["https://example.org/report.pdf"]);
    expect(findUrls("https://example.org/a Accessed 3 May").map((s) => s.url)).toEqual(["https://example.org/a"]);
  });

  it("joins a token broken across lines", () => {
    expect(findUrls("http://www.example.gov.cn/npc/kgfb/201907/a07c41e99d3b4f1c8e2 0b6f5a9d31c47.shtml。")[0]?.url).toBe(
      "http://www.example.gov.cn/npc/kgfb/201907/a07c41e99d3b4f1c8e20b6f5a9d31c47.shtml",
    );
  });
});

describe("isSuspiciousUrl", () => {
  it("accepts well-formed URLs", () => {
    expect(isSuspiciousUrl("http://www.gov.cn/xinwen/2014-02/03/content_2580117.htm")).toBe(false);
    expect(isSuspiciousUrl("https://summit2031.org/")).toBe(false);
  });

  it("flags missing TLD, spaces, non-ASCII and truncation", () => {
    expect(urlProblems("http://www.xinhuanet/politics")).toContain("host has no top-level domain");
    expect(urlProblems("http://www.gov.cn/a b")).toContain("contains whitespace");
    expect(urlProblems("http://www.gov.cn/新闻")).toContain("contains non-ASCII characters");
    expect(urlProblems("http://www.cac.gov.cn/2016-08/30/c_")).toContain("looks truncated");
    expect(urlProblems("http://www..cn/x")).toContain("empty host label");
    expect(isSuspiciousUrl("www.gov.cn/x")).toBe(true);
  });
});

/**
 * Every URL printed in the two corpus essays, in order, checked by hand against the raw text: kept with the other
 * hand-checked corpus expectations, so that no file of lib/ingest quotes the corpus.
 */
const expectedUrls = JSON.parse(readFileSync(new URL("../../tests/fixtures/ingest/corpus-urls.json", import.meta.url), "utf8")) as Record<string, string[]>;

describe("URLs of the real corpus", () => {
  const read = (name: string) => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), "utf8").split("\n");
  const cases = ["000_1322acf3015bdc34", "001_dd40619b11185e85"].map((essay) => [`${essay}.txt`, expectedUrls[essay]!] as const);

  for (const [name, expected] of cases) {
    it(`repairs every URL of ${name}`, () => {
      const urls = findUrls(crudeNormalise(read(name))).map((s) => s.url);
      expect(urls).toEqual(expected);
      expect(urls.filter(isSuspiciousUrl)).toEqual([]);
    });

    it(`repairs every URL of ${name} after the project's normaliser`, () => {
      expect(findUrls(normaliseText(read(name).join("\n"))).map((s) => s.url)).toEqual(expected);
    });

    it(`repairs every URL of ${name} when lines are joined without a space`, () => {
      const joined = read(name).filter((line) => line.trim().length > 0).join("");
      const urls = findUrls(crudeNormalise([joined])).map((s) => s.url);
      expect(urls).toEqual(expected);
    });
  }
});
