import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedCodings, FRESH_BROTLI_MS_PER_SECOND, FreshBrotliBudget, keptAnswerCoding, MIN_COMPRESSED_BYTES } from "./kept-answer-coding.mjs";

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
  it("lets one compression run at a time, and charges the time it took", () => {
    let now = 0;
    const budget = new FreshBrotliBudget({ msPerSecond: 100, now: () => now });
    const first = budget.take();
    expect(first).not.toBeNull();
    // While it runs, no other may start, however much time is left.
    expect(budget.take()).toBeNull();
    now = 30;
    first!();
    // Refilled at the next take: now only charged.
    expect(budget.available).toBe(100 - 30);
    // Into debt by one compression rather than refusing a long one for ever…
    const long = budget.take()!;
    now = 230;
    long();
    expect(budget.available).toBeLessThan(0);
    // …and then none until the debt is paid back at 100 ms a second.
    expect(budget.take()).toBeNull();
    now = 2_000;
    expect(budget.take()).not.toBeNull();
  });

  it("holds a crowd to a tenth of a core: of 100 requests a second for 10 s, compressions of 20 ms each, ~5 a second", () => {
    let now = 0;
    const budget = new FreshBrotliBudget({ msPerSecond: FRESH_BROTLI_MS_PER_SECOND, now: () => now });
    let fresh = 0;
    let running: { release: () => void; endsAt: number } | null = null;
    for (let tick = 0; tick < 1000; tick++) {
      now = tick * 10;
      if (running && running.endsAt <= now) {
        running.release();
        running = null;
      }
      const release = budget.take();
      if (release) {
        fresh++;
        running = { release, endsAt: now + 20 };
      }
    }
    const perSecond = FRESH_BROTLI_MS_PER_SECOND / 20;
    expect(fresh).toBeLessThanOrEqual(perSecond * 11 + 1);
    expect(fresh).toBeGreaterThanOrEqual(perSecond * 9);
  });
});

describe("keptAnswerCoding", () => {
  const page = { bodyBytes: 600_000, keptBrotli: false, splicedGzip: true };
  const both = { br: true, gzip: true };
  const full = () => new FreshBrotliBudget({ now: () => 0 });
  const busy = () => {
    const budget = full();
    budget.take();
    return budget;
  };

  it("sends brotli made for the response within the budget; past it, the spliced gzip", () => {
    expect(keptAnswerCoding({ ...page, accepted: both, budget: full() }).coding).toBe("br-fresh");
    expect(keptAnswerCoding({ ...page, accepted: both, budget: busy() }).coding).toBe("gzip-spliced");
    expect(keptAnswerCoding({ ...page, accepted: { br: false, gzip: true }, budget: full() }).coding).toBe("gzip-spliced");
  });

  it("holds the budget only for the brotli it sends, until released", () => {
    const budget = full();
    keptAnswerCoding({ ...page, accepted: { br: false, gzip: true }, budget });
    keptAnswerCoding({ ...page, keptBrotli: true, accepted: both, budget });
    keptAnswerCoding({ ...page, accepted: { br: true, gzip: false }, budget });
    expect(budget.running).toBe(false);
    const { coding, release } = keptAnswerCoding({ ...page, accepted: both, budget });
    expect(coding).toBe("br-fresh");
    expect(budget.running).toBe(true);
    release();
    expect(budget.running).toBe(false);
  });

  it("sends kept brotli whenever there is one (an answer with no nonce), and small or uncompressible answers as they are", () => {
    expect(keptAnswerCoding({ ...page, keptBrotli: true, accepted: both, budget: busy() }).coding).toBe("br-kept");
    expect(keptAnswerCoding({ ...page, keptBrotli: true, accepted: { br: false, gzip: true }, budget: full() }).coding).toBe("gzip-spliced");
    expect(keptAnswerCoding({ ...page, bodyBytes: MIN_COMPRESSED_BYTES - 1, accepted: both, budget: full() }).coding).toBe("identity");
    expect(keptAnswerCoding({ ...page, accepted: { br: false, gzip: false }, budget: full() }).coding).toBe("identity");
    // A client taking brotli only is sent brotli, made for it, however busy the budget is.
    expect(keptAnswerCoding({ ...page, accepted: { br: true, gzip: false }, budget: busy() }).coding).toBe("br-fresh");
  });
});
