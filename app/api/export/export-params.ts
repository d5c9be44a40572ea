import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/citations/export-sources";

export const formatParam = z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` });

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/u;

/** A source key as the grouping makes them ("src-" + hex) or any id of that alphabet; never a path. */
export const sourceKeyParam = z.string().regex(ID, "not a source key");

/** A paragraph's or heading's anchor. */
export const anchorParam = z.string().regex(ID, "not an anchor");
