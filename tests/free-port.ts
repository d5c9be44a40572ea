import net from "node:net";

/**
 * A loopback port nobody listens on right now, as the system hands one out: for a server a test starts of its
 * own (a web server, an embedded PostgreSQL) beside the suite's fixed ports. Another process may take it between
 * this answer and the listen; the tests that use it start their server at once.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
