-- CreateTable
CREATE TABLE "MatchTitle" (
    "key" TEXT NOT NULL,

    CONSTRAINT "MatchTitle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MatchTitleGram" (
    "gram" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,

    CONSTRAINT "MatchTitleGram_pkey" PRIMARY KEY ("gram","titleKey")
);

-- CreateTable
CREATE TABLE "MatchGram" (
    "gram" TEXT NOT NULL,
    "titles" INTEGER NOT NULL,

    CONSTRAINT "MatchGram_pkey" PRIMARY KEY ("gram")
);

-- Hand-written: the title bigrams move from one row per citation (CitationMatchKey `g:` keys, about 100,000
-- rows at 300 essays) to one row per distinct title. A title's bigrams are those citationMatchKeys makes:
-- each two characters in a row of the normalised title (the `t:` key without its prefix), once each.
INSERT INTO "MatchTitle" ("key") SELECT DISTINCT "key" FROM "CitationMatchKey" WHERE "key" LIKE 't:%';

INSERT INTO "MatchTitleGram" ("gram", "titleKey")
SELECT DISTINCT 'g:' || substr(t."key", i + 2, 2), t."key" FROM "MatchTitle" t, generate_series(1, char_length(t."key") - 3) AS i;

INSERT INTO "MatchGram" ("gram", "titles") SELECT "gram", count(*) FROM "MatchTitleGram" GROUP BY "gram";

DELETE FROM "CitationMatchKey" WHERE "key" LIKE 'g:%';
