-- Every load changes the parallel counts of the blocks of other essays it shares passages with (hundreds of
-- PassageFingerprint rows an essay at 300 essays, update-parallel-counts.ts). An update that finds no room on
-- the page of its row writes the row elsewhere and enters all its fingerprints in the passage index again
-- (synchronously: the index keeps no pending list), while one that finds room is a heap-only (HOT) update that
-- touches no index. Pages filled to 70% leave room for about five new versions of their ~17 rows until
-- pruning frees the old ones: measured over 100 loads at 400–500 essays, HOT updates 82% → 98% and the
-- count update 231 → 79 ms a load. Applies to pages written from now on. Hand-written: Prisma cannot
-- express a table storage parameter.
ALTER TABLE "PassageFingerprint" SET (fillfactor = 70);
