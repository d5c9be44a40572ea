import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_WAITING, SMALLEST_BROTLI_QUALITY, SmallestBrotliQueue } from "./smallest-brotli.mjs";

interface Answer {
  name: string;
}

/** A compression that finishes when the test says, recording what it was given and how many ran at once. */
function controlledCompression() {
  const calls: { body: string; finish: (bytes: Uint8Array) => void; fail: (error: Error) => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const compress = (body: Uint8Array) =>
    new Promise<Uint8Array>((resolve, reject) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      const done = () => void running--;
      calls.push({ body: new TextDecoder().decode(body), finish: (bytes) => (done(), resolve(bytes)), fail: (error) => (done(), reject(error)) });
    });
  return { calls, compress, mostAtOnce: () => mostAtOnce };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const bytes = (text: string) => new TextEncoder().encode(text);

describe("SmallestBrotliQueue", () => {
  it("makes each offered answer smaller one at a time, in order, and keeps what it made", async () => {
    const { calls, compress, mostAtOnce } = controlledCompression();
    const queue = new SmallestBrotliQueue<Answer>({ compress });
    const kept: string[] = [];
    for (const name of ["a", "b", "c"]) {
      expect(queue.offer({ key: name, answer: { name }, body: bytes(`body of ${name}`), keep: (brotli) => (kept.push(`${name}:${brotli.byteLength}`), { name }) })).toBe(true);
    }
    await settle();
    expect(calls.map((call) => call.body)).toEqual(["body of a"]);
    calls[0]!.finish(new Uint8Array(1));
    await settle();
    calls[1]!.finish(new Uint8Array(2));
    await settle();
    calls[2]!.finish(new Uint8Array(3));
    await settle();
    expect(calls.map((call) => call.body)).toEqual(["body of a", "body of b", "body of c"]);
    expect(kept).toEqual(["a:1", "b:2", "c:3"]);
    expect(mostAtOnce()).toBe(1);
    expect(queue.running).toBe(false);
  });

  it("takes an answer once, whether on its way or made (the answer kept after it included), and refuses past MAX_WAITING", async () => {
    const { calls, compress } = controlledCompression();
    const queue = new SmallestBrotliQueue<Answer>({ compress });
    const answer = { name: "page" };
    const smaller = { name: "page, smaller" };
    expect(queue.offer({ key: "p", answer, body: bytes("x"), keep: () => smaller })).toBe(true);
    expect(queue.offer({ key: "p", answer, body: bytes("x"), keep: () => smaller })).toBe(false);
    await settle();
    calls[0]!.finish(new Uint8Array(1));
    await settle();
    expect(queue.offer({ key: "p", answer: smaller, body: bytes("x"), keep: () => null })).toBe(false);
    expect(calls).toHaveLength(1);

    // One compressing, MAX_WAITING waiting: the next is refused, and taken once there is room again.
    for (let index = 0; index <= MAX_WAITING; index++) expect(queue.offer({ key: `k${index}`, answer: { name: `k${index}` }, body: bytes("y"), keep: () => null })).toBe(true);
    const refused = { name: "refused" };
    expect(queue.offer({ key: "r", answer: refused, body: bytes("y"), keep: () => null })).toBe(false);
    await settle();
    calls[1]!.finish(new Uint8Array(1));
    await settle();
    expect(queue.offer({ key: "r", answer: refused, body: bytes("y"), keep: () => null })).toBe(true);
  });

  it("goes on after a compression that failed, and says which", async () => {
    const { calls, compress } = controlledCompression();
    const failed: string[] = [];
    const queue = new SmallestBrotliQueue<Answer>({ compress, onError: (key) => failed.push(key) });
    const kept: string[] = [];
    queue.offer({ key: "bad", answer: { name: "bad" }, body: bytes("1"), keep: () => (kept.push("bad"), null) });
    queue.offer({ key: "good", answer: { name: "good" }, body: bytes("2"), keep: () => (kept.push("good"), null) });
    await settle();
    calls[0]!.fail(new Error("out of memory"));
    await settle();
    calls[1]!.finish(new Uint8Array(1));
    await settle();
    expect(failed).toEqual(["bad"]);
    expect(kept).toEqual(["good"]);
  });

  it("asks for brotli's highest quality, which is smaller than the quality kept answers are first made at", () => {
    expect(SMALLEST_BROTLI_QUALITY).toBe(zlib.constants.BROTLI_MAX_QUALITY);
    const page = Buffer.from(Array.from({ length: 400 }, (_, index) => `<p data-block="p-${index.toString(16)}">网络空间治理第${index}段</p>`).join(""));
    const at = (quality: number) => zlib.brotliCompressSync(page, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }).byteLength;
    expect(at(SMALLEST_BROTLI_QUALITY)).toBeLessThan(at(5));
  });
});
