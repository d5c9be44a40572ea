import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedCodings, keptAnswerCoding, MIN_COMPRESSED_BYTES, QUIET_REQUESTS_IN_FLIGHT } from "./kept-answer-coding.mjs";

describe("acceptedCodings", () => {
  it("reads what browsers, tools and proxies send", () => {
    expect(acceptedCodings("gzip, deflate, br, zstd")).toEqual({ br: true, gzip: true });
    expect(acceptedCodings("br, gzip")).toEqual({ br: true, gzip: true });
    expect(acceptedCodings("gzip")).toEqual({ br: false, gzip: true });
    expect(acceptedCodings("x-gzip")).toEqual({ br: false, gzip: true });
    expect(acceptedCodings(undefined)).toEqual({ br: false, gzip: false });
    expect(acceptedCodings("")).toEqual({ br: false, gzip: false });
    expect(acceptedCodings("identity")).toEqual({ br: false, gzip: false });
    expect(acceptedCodings(["gzip", "br"])).toEqual({ br: true, gzip: true });
  });

  it("honours q=0 as a refusal and * for any coding not named", () => {
    expect(acceptedCodings("br;q=0, gzip;q=0.5")).toEqual({ br: false, gzip: true });
    expect(acceptedCodings("GZIP; q=0, BR")).toEqual({ br: true, gzip: false });
    expect(acceptedCodings("*")).toEqual({ br: true, gzip: true });
    expect(acceptedCodings("*;q=0")).toEqual({ br: false, gzip: false });
    expect(acceptedCodings("*, br;q=0")).toEqual({ br: false, gzip: true });
    expect(acceptedCodings("gzip;q=nonsense")).toEqual({ br: false, gzip: false });
  });

  it("never throws, whatever a client sends", () => {
    fc.assert(fc.property(fc.string(), (header) => void acceptedCodings(header)));
  });
});

describe("keptAnswerCoding", () => {
  const page = { bodyBytes: 600_000, keptBrotli: false, splicedGzip: true };
  const both = { br: true, gzip: true };

  it("sends one quiet reader brotli, made for the response; a crowd the spliced gzip", () => {
    expect(keptAnswerCoding({ ...page, accepted: both, requestsInFlight: 1 })).toBe("br-fresh");
    expect(keptAnswerCoding({ ...page, accepted: both, requestsInFlight: QUIET_REQUESTS_IN_FLIGHT })).toBe("br-fresh");
    expect(keptAnswerCoding({ ...page, accepted: both, requestsInFlight: QUIET_REQUESTS_IN_FLIGHT + 1 })).toBe("gzip-spliced");
    expect(keptAnswerCoding({ ...page, accepted: { br: false, gzip: true }, requestsInFlight: 1 })).toBe("gzip-spliced");
  });

  it("sends kept brotli whenever there is one (an answer with no nonce), and small or uncompressible answers as they are", () => {
    expect(keptAnswerCoding({ ...page, keptBrotli: true, accepted: both, requestsInFlight: 100 })).toBe("br-kept");
    expect(keptAnswerCoding({ ...page, keptBrotli: true, accepted: { br: false, gzip: true }, requestsInFlight: 1 })).toBe("gzip-spliced");
    expect(keptAnswerCoding({ ...page, bodyBytes: MIN_COMPRESSED_BYTES - 1, accepted: both, requestsInFlight: 1 })).toBe("identity");
    expect(keptAnswerCoding({ ...page, accepted: { br: false, gzip: false }, requestsInFlight: 1 })).toBe("identity");
    // A client taking brotli only is sent brotli, made for it, however busy the server is.
    expect(keptAnswerCoding({ ...page, accepted: { br: true, gzip: false }, requestsInFlight: 100 })).toBe("br-fresh");
  });
});
