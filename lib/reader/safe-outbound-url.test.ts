import { describe, expect, it } from "vitest";
import { safeOutboundUrl } from "./safe-outbound-url";

describe("safeOutboundUrl", () => {
  it("links web addresses", () => {
    expect(safeOutboundUrl("http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm")).toBe("http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm");
    expect(safeOutboundUrl(" https://www.gov.cn/ ")).toBe("https://www.gov.cn/");
  });

  it("refuses other schemes, credentials and debris", () => {
    expect(safeOutboundUrl("javascript:alert(1)")).toBeNull();
    expect(safeOutboundUrl("data:text/html,<b>x</b>")).toBeNull();
    expect(safeOutboundUrl("https://user:pw@example.com/")).toBeNull();
    expect(safeOutboundUrl("ｗｗｗ.ｇｏｖ.ｃｎ/ 2017")).toBeNull();
    expect(safeOutboundUrl(null)).toBeNull();
  });
});
