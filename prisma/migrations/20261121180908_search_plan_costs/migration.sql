-- What the planner needs to know to plan a search well on its own, so that a search is one statement
-- with no settings around it (hand-written: Prisma cannot express either). search_grams costs about
-- 67 microseconds a call, as much as tens of page reads, not the default 100 operator costs: priced so, a
-- sequential scan that computes it for every row it reads (a second per 15,000 rows) never beats the
-- bitmap over the GIN index, which computes it for none. No parallel scans of SearchBlock: a parallel
-- plan would examine a different first 1,001 matching blocks from call to call (docs/search.md).
ALTER FUNCTION search_grams(text) COST 10000;
ALTER TABLE "SearchBlock" SET (parallel_workers = 0);
