import { WEB_ANNOTATION_MEDIA_TYPE, type ExportContext } from "@/lib/exchange/web-annotation-export";
import { readSetting } from "@/lib/env";

/**
 * The origin annotation IRIs are made absolute with: the public URL, as app/layout.tsx's metadataBase finds
 * it, so an exported annotation names the address readers use, whatever address the request came in by.
 */
export function exportContext(): ExportContext {
  return { base: readSetting("DUIZHAO_PUBLIC_URL") ?? `http://localhost:${readSetting("PORT")}` };
}

/** JSON-LD with the Web Annotation profile, as the Web Annotation Protocol serves annotations and collections. */
export function webAnnotationResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": WEB_ANNOTATION_MEDIA_TYPE, "Cache-Control": "no-cache" },
  });
}
