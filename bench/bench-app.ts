import { spawn, type ChildProcess } from "node:child_process";

/**
 * The app as a reader runs it (`npm start`: embedded PostgreSQL, production build, page cache) on a port and a
 * database of the benchmark's own, so a benchmark never touches the reader's app or its data.
 */
export async function startBenchApp(
  options: { port: number } & ({ dataDir: string; dbPort: string } | { databaseUrl: string; corpusDir: string }),
): Promise<ChildProcess> {
  // On a database the benchmark runs itself (with the corpus folder it ingested), or an embedded one of its own.
  const database =
    "databaseUrl" in options
      ? { DATABASE_URL: options.databaseUrl, DUIZHAO_CORPUS_DIR: options.corpusDir }
      : { DATABASE_URL: "", DUIZHAO_DATA_DIR: options.dataDir, DUIZHAO_DB_PORT: options.dbPort };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      ...database,
      PORT: String(options.port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready at")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the app exited before it was ready (code ${code})`)));
  });
  return child;
}

/** Stops the app as Ctrl-C does (its start script stops the web server and the database it started). */
export async function stopBenchApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

/** A page the benches time: its name as printed and its address. */
export interface BenchPage {
  name: string;
  path: string;
}

/** The reader and side by side of the corpus's first two documents, as the app at `base` lists them. */
export async function readerAndSideBySide(base: string): Promise<BenchPage[]> {
  const documents = ((await (await fetch(`${base}/api/documents`)).json()) as { documents: { slug: string }[] }).documents;
  const [left, right] = documents.map((d) => d.slug);
  if (!left || !right) throw new Error("the bench needs two documents in the corpus");
  return [
    { name: "reader", path: `/read/${left}` },
    { name: "side by side", path: `/compare?left=${left}&right=${right}` },
  ];
}
