/**
 * Prisma's query interpreter overlaps queries on a transaction's single connection, which pg 8 reports
 * as a DeprecationWarning on every ingest. It is Prisma's to fix (pg 9 will refuse it) and says nothing a
 * Duizhao user can act on, so this one warning is dropped from the console; every other warning stays.
 */
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === "string" ? warning : warning.message;
  if (text.includes("when the client is already executing a query")) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
