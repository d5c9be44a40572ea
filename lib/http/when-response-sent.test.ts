import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { whenResponseSent } from "./when-response-sent.mjs";

/** A real server on a free port whose one handler is the test's. */
async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("whenResponseSent", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("runs after the whole answer has been handed to the connection, not while it is written", async () => {
    const body = "x".repeat(256 * 1024);
    const seen: { finishedWhenRun: boolean; runs: number } = { finishedWhenRun: false, runs: 0 };
    let ranAfter!: () => void;
    const ran = new Promise<void>((resolve) => (ranAfter = resolve));
    const server = await serve((_request, response) => {
      whenResponseSent(response, () => {
        seen.runs += 1;
        seen.finishedWhenRun = response.writableFinished;
        ranAfter();
      });
      response.write(body.slice(0, 1024));
      expect(seen.runs).toBe(0);
      response.end(body.slice(1024));
      // Still being written (256 KiB does not fit the socket's buffer at once): not yet.
      expect(seen.runs).toBe(0);
    });
    close = server.close;
    const text = await (await fetch(server.url)).text();
    await ran;
    expect(text.length).toBe(body.length);
    expect(seen).toEqual({ finishedWhenRun: true, runs: 1 });
  });

  it("runs once when the client goes away before the answer is finished", async () => {
    let runs = 0;
    let ranAfter!: () => void;
    const ran = new Promise<void>((resolve) => (ranAfter = resolve));
    const server = await serve((request, response) => {
      whenResponseSent(response, () => {
        runs += 1;
        ranAfter();
      });
      response.write("the head of an answer that never ends");
      request.socket.destroy();
    });
    close = server.close;
    await fetch(server.url).then((answer) => answer.text()).catch(() => undefined);
    await ran;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(1);
  });

  it("runs (later, once) for an answer already finished", async () => {
    let runs = 0;
    let synchronously = true;
    let ranAfter!: () => void;
    const ran = new Promise<void>((resolve) => (ranAfter = resolve));
    const server = await serve((_request, response) => {
      response.end("done", () => {
        whenResponseSent(response, () => {
          runs += 1;
          expect(synchronously).toBe(false);
          ranAfter();
        });
        synchronously = false;
      });
    });
    close = server.close;
    await (await fetch(server.url)).text();
    await ran;
    expect(runs).toBe(1);
  });
});
