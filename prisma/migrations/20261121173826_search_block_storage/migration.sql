-- Keep `folded` inline and uncompressed in the SearchBlock row (hand-written: Prisma cannot express
-- storage settings). Search reads `folded` four times per matching block (strpos, the occurrence
-- count), and a long block's `folded` was moved to TOAST and fetched from there each time: 5,800 buffer
-- reads instead of 970 for the 1,001 matches of one term at 1,000x (docs/search.md). MAIN compresses
-- or moves a value out only when the row would not otherwise fit a page, and toast_tuple_target keeps the
-- toaster from trying below that size. Rows already written keep their layout until rewritten.
ALTER TABLE "SearchBlock" ALTER COLUMN "folded" SET STORAGE MAIN;
ALTER TABLE "SearchBlock" SET (toast_tuple_target = 8160);
