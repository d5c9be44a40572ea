import { z } from "zod";
import { SLUG_ALPHABET, SLUG_MAX_LENGTH } from "@/lib/urls/url-grammar";

/**
 * Metadata a source text may lack, kept beside it in `corpus/<name>.manifest.json` (or given with
 * `--manifest`). Fields given here override what the parser reads from the text; fields absent
 * here and absent from the text stay null: unknown stays unknown.
 */
export const documentManifestSchema = z
  .object({
    slug: z
      .string()
      .max(SLUG_MAX_LENGTH, `slug: at most ${SLUG_MAX_LENGTH} characters`)
      .regex(SLUG_ALPHABET, "slug: lowercase letters, digits and hyphens, starting with a letter or digit"),
    title: z.string().min(1).optional(),
    titleEn: z.string().min(1).optional(),
    authors: z.array(z.string().min(1)).optional(),
    journal: z.string().min(1).optional(),
    issue: z.string().min(1).optional(),
    /** "2023", "2023-11" or "2023-03-09". */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "date: YYYY, YYYY-MM or YYYY-MM-DD")
      .optional(),
    /** Free text on where the file came from. */
    source: z.string().min(1).optional(),
  })
  .strict();

export type DocumentManifest = z.infer<typeof documentManifestSchema>;
