import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { readSetting } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/*
 * How lib/db functions take the client, all of them the same way: it is the LAST parameter, after what the
 * function reads or writes (only an optional options object may follow it, as in `loadDocument`'s test hook or
 * `searchCorpus`'s plan).
 *   - Readers, and `loadDocument`, which opens its own transaction: `db: Database = getDatabase()`. Routes and
 *     pages call them without it; tests and scripts pass the database they opened.
 *   - Code that must run inside the loading transaction: `tx: DatabaseTransaction`, required, so that it cannot
 *     be called outside one.
 * Functions that take no client (pure helpers beside a query) or a database URL (schema-engine.ts) are outside it.
 */
export type Database = PrismaClient;
/** A client or the transaction client handed to `$transaction` callbacks. */
export type DatabaseTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const clients = new Map<string, PrismaClient>();

/**
 * Runs `read` in one snapshot (REPEATABLE READ). Prisma reads each relation of a nested select with a query of its
 * own, so an ingest committing between them can leave rows pointing at what it replaced (a marker whose note is
 * gone): a read that follows relations and must see one corpus reads through this.
 */
export function readInOneSnapshot<T>(db: Database, read: (tx: DatabaseTransaction) => Promise<T>): Promise<T> {
  return db.$transaction(read, { isolationLevel: "RepeatableRead" });
}

/**
 * The Prisma client for a database URL (DATABASE_URL by default), created on first use: a client made
 * at import time would fail `next build`, where no database exists.
 */
export function getDatabase(url: string | undefined = readSetting("DATABASE_URL")): PrismaClient {
  if (!url) throw new Error("DATABASE_URL is not set: start Duizhao with `npm start`, which provides it");
  let client = clients.get(url);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    clients.set(url, client);
  }
  return client;
}

export async function disconnectDatabases(): Promise<void> {
  await Promise.all([...clients.values()].map((client) => client.$disconnect()));
  clients.clear();
}
