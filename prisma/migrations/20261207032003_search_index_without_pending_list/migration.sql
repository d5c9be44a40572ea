-- The search index (GIN over search_grams(SearchBlock.folded)) puts its new entries in their place as they
-- are written, like the passage index (migration *_passage_index_without_pending_list). With the fast update of GIN
-- on, the entries of a load wait in an unsorted pending list, up to 4 MB, that every search scans in full
-- whatever its terms: at 1,003 essays the index part of a search read 407 buffers for a posting list of 1,456
-- entries (络主 and 主权), where a flushed index reads a handful. 200 pending pages cost a rare term 1.2 ms
-- (least of 11) to 4.6 ms (median) at load 6 on 2 cores. Writing the entries in place costs a load more
-- (60 blocks: about 0.2-0.3 s more at that load). Turning fast update off does not move the entries already
-- pending: they are put in place here. Hand-written: Prisma cannot express an index storage parameter.
ALTER INDEX "SearchBlock_grams_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"SearchBlock_grams_idx"'::regclass);
