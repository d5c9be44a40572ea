import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Several Duizhao processes may share one embedded server: the app (`npm start`) and an ingest run beside
 * it, or two app instances. Each process that opens the server leaves an entry in a folder beside the data
 * directory and takes it away when it is done; the last one to leave stops the server. So no command stops
 * a server that another process is still reading from, and a server nobody uses does not linger.
 *
 * An entry is named after its process id (with a random tail, so that one process may open the server more
 * than once); an entry whose process is gone (killed with -9) counts as left.
 */

export function usersFolder(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.users`);
}

/** Registers this process as a user of the server in `dataDir`; returns the entry to pass to `leave`. */
export async function joinServer(dataDir: string): Promise<string> {
  const folder = usersFolder(dataDir);
  await fs.mkdir(folder, { recursive: true });
  const entry = path.join(folder, `${process.pid}-${randomUUID().slice(0, 8)}`);
  await fs.writeFile(entry, new Date().toISOString());
  return entry;
}

/** Takes this entry away; answers whether any other live process still uses the server. */
export async function leaveServer(entry: string): Promise<{ othersRemain: boolean }> {
  await fs.rm(entry, { force: true });
  const folder = path.dirname(entry);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  let othersRemain = false;
  for (const name of names) {
    const pid = Number(name.split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) othersRemain = true;
    else await fs.rm(path.join(folder, name), { force: true });
  }
  return { othersRemain };
}

/** Whether a process of this machine still runs (signal 0 probes without signalling). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
