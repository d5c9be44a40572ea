import { z } from "zod";

/**
 * Metadata a source text may lack, kept beside it in `corpus/<name>.manifest.json` (or given with
 * `--manifest`). Fields given here override what the parser reads from the text; fields absent
 * here and absent from the text stay null: unknown stays unknown.
 */
export const documentManifestSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "slug: lowercase letters, digits and hyphens, at most 80 characters"),
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
