-- The passage index (GIN over PassageFingerprint.fingerprints) is read inside every load: the loaded
-- essay's blocks are looked up in it (parallel counts, update-parallel-counts.ts) right after they are
-- written. With GIN's fast update on, new entries wait in an unsorted pending list (up to 4 MB) that every
-- lookup scans in full, for each of the essay's blocks: about 1 s a load at 150 essays, 67 ms with the
-- entries put in their place as they are written (the insert costs 2.5 → 23 ms an essay). Hand-written:
-- Prisma cannot express an index storage parameter. The search index keeps its pending list: nothing in a
-- load reads it, and search can afford the scan.
ALTER INDEX "PassageFingerprint_fingerprints_idx" SET (fastupdate = off);
