import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedCodings, FRESH_BROTLI_BYTES_PER_SECOND, FreshBrotliBudget, keptAnswerCoding, MIN_COMPRESSED_BYTES } from "./kept-answer-coding.mjs";

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

describe("FreshBrotliBudget", () => {
  it("lets through a second's worth of bytes at once, then as many as time has refilled", () => {
    let now = 0;
    const budget = new FreshBrotliBudget({ bytesPerSecond: 1000, now: () => now });
    expect(budget.take(600)).toBe(true);
    // Into debt by one answer rather than refusing an answer larger than what is left for ever…
    expect(budget.take(600)).toBe(true);
    // …and then none until the debt is paid back.
    expect(budget.take(1)).toBe(false);
    now = 150;
    expect(budget.take(1)).toBe(false);
    now = 250;
    expect(budget.take(100)).toBe(true);
    // Never more than a second's worth saved up, however long it was idle.
    now = 60_000;
    expect(budget.take(1000)).toBe(true);
    expect(budget.take(1)).toBe(false);
  });

  it("holds a crowd arriving at once to its rate: charged before compressing, not after", () => {
    let now = 0;
    const budget = new FreshBrotliBudget({ bytesPerSecond: FRESH_BROTLI_BYTES_PER_SECOND, now: () => now });
    const page = 1_200_000;
    let fresh = 0;
    for (let second = 0; second < 10; second++) {
      for (let request = 0; request < 100; request++) {
        now = second * 1000 + request * 10;
        if (budget.take(page)) fresh++;
      }
    }
    // ~3.5 pages a second of 100: the rest go out spliced.
    expect(fresh).toBeLessThanOrEqual(Math.ceil((FRESH_BROTLI_BYTES_PER_SECOND * 11) / page));
    expect(fresh).toBeGreaterThanOrEqual(Math.floor((FRESH_BROTLI_BYTES_PER_SECOND * 9) / page));
  });
});

describe("keptAnswerCoding", () => {
  const page = { bodyBytes: 600_000, keptBrotli: false, splicedGzip: true };
  const both = { br: true, gzip: true };
  const full = () => new FreshBrotliBudget({ now: () => 0 });
  const spent = () => {
    const budget = full();
    budget.take(FRESH_BROTLI_BYTES_PER_SECOND + 1);
    return budget;
  };

  it("sends brotli made for the response within the budget; past it, the spliced gzip", () => {
    expect(keptAnswerCoding({ ...page, accepted: both, budget: full() })).toBe("br-fresh");
    expect(keptAnswerCoding({ ...page, accepted: both, budget: spent() })).toBe("gzip-spliced");
    expect(keptAnswerCoding({ ...page, accepted: { br: false, gzip: true }, budget: full() })).toBe("gzip-spliced");
  });

  it("charges the budget only for the brotli it sends", () => {
    const budget = full();
    keptAnswerCoding({ ...page, accepted: { br: false, gzip: true }, budget });
    keptAnswerCoding({ ...page, keptBrotli: true, accepted: both, budget });
    expect(budget.available).toBe(FRESH_BROTLI_BYTES_PER_SECOND);
    keptAnswerCoding({ ...page, accepted: both, budget });
    expect(budget.available).toBe(FRESH_BROTLI_BYTES_PER_SECOND - page.bodyBytes);
  });

  it("sends kept brotli whenever there is one (an answer with no nonce), and small or uncompressible answers as they are", () => {
    expect(keptAnswerCoding({ ...page, keptBrotli: true, accepted: both, budget: spent() })).toBe("br-kept");
    expect(keptAnswerCoding({ ...page, keptBrotli: true, accepted: { br: false, gzip: true }, budget: full() })).toBe("gzip-spliced");
    expect(keptAnswerCoding({ ...page, bodyBytes: MIN_COMPRESSED_BYTES - 1, accepted: both, budget: full() })).toBe("identity");
    expect(keptAnswerCoding({ ...page, accepted: { br: false, gzip: false }, budget: full() })).toBe("identity");
    // A client taking brotli only is sent brotli, made for it, however spent the budget is.
    expect(keptAnswerCoding({ ...page, accepted: { br: true, gzip: false }, budget: spent() })).toBe("br-fresh");
  });
});
