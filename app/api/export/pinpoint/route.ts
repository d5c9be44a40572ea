import { z } from "zod";
import { pinpointCitation, printedPagesOfSelection } from "@/lib/citations/export-pinpoint";
import { getPinpointTarget } from "@/lib/db/get-pinpoint-target";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { blockHref, MAX_QUOTE_LENGTH, passageHref, SELECTOR_CONTEXT_LENGTH } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { anchorParam, exportFormatParam, slugParam } from "@/lib/urls/route-params";
import { EXPORT_KEYS } from "@/lib/urls/url-grammar";
import { attachmentResponse } from "../attachment";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({
  [EXPORT_KEYS.document]: slugParam,
  [EXPORT_KEYS.anchor]: anchorParam,
  [EXPORT_KEYS.format]: exportFormatParam,
  [EXPORT_KEYS.quote]: z.string().trim().min(1, "the quote is empty").max(MAX_QUOTE_LENGTH, `the quote is longer than ${MAX_QUOTE_LENGTH} characters`).optional(),
});

/**
 * A citation of one paragraph (or a selection in it, `q`): the essay's reference with the page the paragraph
 * stands on — the journal's page when folios calibrate it, else none; for a selection, the page it stands on
 * when the paragraph runs over a page — and a deep link back to it.
 */
export const GET = apiRoute("GET /api/export/pinpoint", async (request: Request) => {
  const url = new URL(request.url);
  const { doc, anchor, format, q } = querySchema.parse(firstValues(url.searchParams));
  const target = await getPinpointTarget(doc, anchor);
  if (!target) throw notFound(`passage "${anchor}" of document "${doc}"`);

  // A quote found in the passage links to the words themselves; one that is not (a selection across a
  // marker, say) is still cited, with a link to its passage.
  const at = q ? target.block.text.indexOf(q) : -1;
  const path =
    q && at >= 0
      ? passageHref(doc, {
          exact: q,
          prefix: target.block.text.slice(Math.max(0, at - SELECTOR_CONTEXT_LENGTH), at),
          suffix: target.block.text.slice(at + q.length, at + q.length + SELECTOR_CONTEXT_LENGTH),
          blockAnchor: anchor,
          offset: at,
        })
      : blockHref(doc, anchor);
  // A selection on a page the paragraph runs over onto is cited at that page.
  const page = q && at >= 0 ? (printedPagesOfSelection(target.pages, at, at + q.length) ?? target.journalPage) : target.journalPage;
  const result = pinpointCitation({ document: target.document, page, url: new URL(path, url.origin).toString(), ...(q ? { quote: q } : {}) }, format);
  const headers: Record<string, string> = {};
  if (target.layoutPage !== null) headers["X-Duizhao-Layout-Page"] = String(target.layoutPage);
  return attachmentResponse(
    result,
    { readable: `${target.document.title} ${anchor}`, ascii: `duizhao-${doc}-${anchor}` },
    headers,
  );
});
