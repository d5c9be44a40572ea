// @ts-check
/**
 * Work that belongs after an answer has gone out: run once the response has finished (its last bytes handed to
 * the connection) or closed (the client went away first), whichever comes first, and only once.
 *
 * Why: the first request for an address renders the page, and keeping that render for the requests after it
 * (its scripts allowed by hash, a gzip to splice nonces into, a brotli) is work for those later requests. Done
 * before the answer went out, it ran beside the answer's own compression on the same cores, and the first reader
 * of every page after each ingest waited for it.
 *
 * Plain JavaScript (loaded by scripts/serve-next.mjs outside any bundler); unit-tested.
 */

/**
 * @param {import("node:http").ServerResponse} response
 * @param {() => void} then
 */
export function whenResponseSent(response, then) {
  let ran = false;
  const runOnce = () => {
    if (ran) return;
    ran = true;
    response.off("finish", runOnce);
    response.off("close", runOnce);
    then();
  };
  if (response.writableFinished || response.destroyed) {
    setImmediate(runOnce);
    return;
  }
  response.once("finish", runOnce);
  response.once("close", runOnce);
}
