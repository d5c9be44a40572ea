import http from "node:http";

/**
 * The status a GET of `path` answers, the path sent exactly as written: `fetch` and Playwright's request parse the
 * address first and would repair what these tests mean to send (a broken percent-encoding, `..`, a lone `%`).
 */
export function rawPathStatus(baseURL: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseURL);
    const request = http.request({ host: url.hostname, port: url.port, path, method: "GET" }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end();
  });
}
