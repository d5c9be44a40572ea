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
    expect(repairUrl("ｈｔｔｐｓ: / / ｃｎ.ｗｉｃｉｎｔｅｒｎｅｔ.ｏｒｇ / ２０２０－１１ / １８ / ｃｏｎｔｅｎｔ＿３６３１４６２０.ｈｔｍ。")).toBe(
      "https://cn.wicinternet.org/2020-11/18/content_36314620.htm",
    );
    expect(repairUrl("https://reaim2023.org/ .")).toBe("https://reaim2023.org/");
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
      "《甲》，新华网，2017年9月16日，http: / / www. xinhuanet. com / politics / 2017- 09 / 16 / c_1121674757. htm；《乙》，中国网，2019年9月17日，http://news.china.com.cn/txt/2019-09/17/content_75213770.htm。";
    const spans = findUrls(text);
    expect(spans.map((s) => s.url)).toEqual([
      "http://www.xinhuanet.com/politics/2017-09/16/c_1121674757.htm",
      "http://news.china.com.cn/txt/2019-09/17/content_75213770.htm",
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
    expect(findUrls("http://www.npc.gov.cn/npc/kgfb/202103/bf13037b5d2d4a39865 2ed253cea8eb1.shtml。")[0]?.url).toBe(
      "http://www.npc.gov.cn/npc/kgfb/202103/bf13037b5d2d4a398652ed253cea8eb1.shtml",
    );
  });
});

describe("isSuspiciousUrl", () => {
  it("accepts well-formed URLs", () => {
    expect(isSuspiciousUrl("http://www.gov.cn/xinwen/2022-07/12/content_5700649.htm")).toBe(false);
    expect(isSuspiciousUrl("https://reaim2023.org/")).toBe(false);
  });

  it("flags missing TLD, spaces, non-ASCII and truncation", () => {
    expect(urlProblems("http://www.xinhuanet/politics")).toContain("host has no top-level domain");
    expect(urlProblems("http://www.gov.cn/a b")).toContain("contains whitespace");
    expect(urlProblems("http://www.gov.cn/新闻")).toContain("contains non-ASCII characters");
    expect(urlProblems("http://www.cac.gov.cn/2023-10/18/c_")).toContain("looks truncated");
    expect(urlProblems("http://www..cn/x")).toContain("empty host label");
    expect(isSuspiciousUrl("www.gov.cn/x")).toBe(true);
  });
});

/** Every URL printed in the two essays, checked by hand against the raw text. */
const EXPECTED_000 = [
  "http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm",
  "http://www.xinhuanet.com/politics/2022-11/09/c_1129113557.htm?comments=1",
  "http://www.xinhuanet.com/politics/2016-04/25/c_1118731175.htm",
  "http://www.xinhuanet.com//politics/2014-02/27/c_119538788.htm",
  "http://www.xinhuanet.com//zgjx/2018-03/21/c_137054755.htm",
  "http://media.people.com.cn/BIG5/n/2013/0615/c40606-21849270.html",
  "http://www.xinhuanet.com/politics/2017-09/16/c_1121674757.htm",
  "http://news.china.com.cn/txt/2019-09/17/content_75213770.htm",
  "https://cn.wicinternet.org/2020-11/18/content_36314620.htm",
  "http://www.cac.gov.cn/2020-11/19/c_1607351042513898.htm",
  "https://cn.wicinternet.org/2023-11/07/content_36953570.htm",
  "https://cn.wicinternet.org/2020-10/15/content_36225577.htm",
  "https://obamawhitehouse.archives.gov/sites/default/files/rss_viewer/international_strategy_for_cyberspace.pdf",
  "http://www.xinhuanet.com/politics/leaders/2020-11/21/c_1126770364.htm",
  "https://www.cnnic.cn/n4/2022/0829/c89-10076.html",
  "https://www.cnnic.cn/n4/2022/0829/c89-10075.html",
  "https://www.cnnic.cn/n4/2023/0120/c199-10727.html",
  "https://www.cnnic.cn/n4/2023/0303/c199-10758.html",
  "https://www.cnnic.cn/n4/2023/0320/c199-10763.html",
  "https://www.cnnic.cn/n4/2023/1018/c39-10852.html",
  "http://www.chinanews.com/gn/2020/09-10/9287877.shtml",
  "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/tywj/zcwj/202112/t20211214_10469511.shtml",
  "https://www.mfa.gov.cn/web/ziliao_674904/tytj_674911/zcwj_674915/202211/t20221117_10976728.shtml",
  "http://www.cac.gov.cn/2023-10/18/c_1699291032884978.htm",
  "https://www.cert.org.cn/publish/main/34/index.html",
  "https://www.cert.org.cn/publish/main/12/2021/20211011101543755606512/20211011101543755606512_.html",
  "https://guancha.gmw.cn/2019-04/26/content_32783915.htm",
  "https://www.government.nl/ministries/ministry-of-foreign-affairs/activiteiten/reaim",
  "https://reaim2023.org/",
  "https://london.theaisummit.com/",
  "https://netmundial.br/",
  "https://www.vlada.cz/en/media-centrum/aktualne/prague-5g-security-conference-announced-series-of-recommendations-the-prague-proposals-173422/",
];
const EXPECTED_001 = [
  "http://www.gov.cn/xinwen/2022-07/12/content_5700649.htm",
  "http://www.cac.gov.cn/2015-12/16/c_1117481112.htm?from=singlemessage",
  "http://www.gov.cn/zhuanti/2017-10/27/content_5234876.htm",
  "https://cn.wicinternet.org/2021-09/28/content_36222995.htm",
  "http://www.scio.gov.cn/zfbps/32832/Document/1732898/1732898.htm",
  "https://digitallibrary.un.org/record/3934214#record-files-collapse-header",
  "http://www.gov.cn/xinwen/2022-05/18/content_5691047.htm",
  "http://www.gov.cn/xinwen/2018-04/21/content_5284783.htm",
  "http://newyork.fmprc.gov.cn/wjb_673085/zzjg_673183/jks_674633/zclc_674645/qt_674659/201703/t20170301_7669140.shtml",
  "http://politics.people.com.cn/n1/2019/1020/c1024-31409640.html",
  "http://www.gov.cn/xinwen/2018-12/18/content_5350078.htm",
  "http://www.npc.gov.cn/npc/kgfb/202103/bf13037b5d2d4a398652ed253cea8eb1.shtml",
  "https://unctad.org/publication/digital-economy-report-2021",
  "http://www.caict.ac.cn/english/research/whitepapers/202208/P020220819523522724675.pdf",
  "https://www.cigionline.org/publications/regime-complex-managing-global-cyber-activities/",
  "https://www3.weforum.org/docs/WEF_The_Global_Risks_Report_2022.pdf",
  "http://www.gov.cn/xinwen/2021-09/22/content_5638596.htm?lsRedirectHit=20560931",
  "https://m.sohu.com/a/572772289_121124361/",
  "http://www.gov.cn/xinwen/2016-04/25/content_5067705.htm",
  "http://www.mofcom.gov.cn/article/i/jyjl/l/202101/20210103034347.shtml",
  "http://www.gov.cn/xinwen/2022-11/09/content_5725580.htm",
  "http://www.gov.cn/xinwen/2019-03/26/content_5377046.htm",
];

describe("URLs of the real corpus", () => {
  const read = (name: string) => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), "utf8").split("\n");
  const cases = [
    ["000_1322acf3015bdc34.txt", EXPECTED_000],
    ["001_dd40619b11185e85.txt", EXPECTED_001],
  ] as const;

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
