-- Substring search over SearchBlock.folded (hand-written: Prisma cannot express an expression index).
-- Chinese has no word boundaries, so the index holds every distinct character and every character pair
-- of a block: a 1- or 2-character query is answered by the index alone, a longer one by the pairs it
-- contains, verified with strpos. See docs/search.md for the measurements behind this choice.

-- The distinct-ness is left to GIN, which de-duplicates the keys of each row.
CREATE FUNCTION search_grams(folded text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(
    SELECT regexp_split_to_table(folded, '')
    UNION ALL SELECT pair[1] FROM regexp_matches(folded, '(..)', 'g') AS pair
    UNION ALL SELECT pair[1] FROM regexp_matches(substr(folded, 2), '(..)', 'g') AS pair
  )
$$;

CREATE INDEX "SearchBlock_grams_idx" ON "SearchBlock" USING gin (search_grams("folded"));
