import fs from "node:fs/promises";
import { ImageResponse } from "next/og";
import { getDocumentStructure } from "@/lib/db/get-document";
import { readSetting } from "@/lib/env";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { extractCollectionFont, listCollectionFaces } from "@/lib/reader/extract-collection-font";
import { firstValues } from "@/lib/urls/query-values";
import { slugParam } from "@/lib/urls/route-params";
import { LINK_PREVIEW_KEYS } from "@/lib/urls/url-grammar";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** fonts-noto-cjk's collection (installed here and in CI); DUIZHAO_OG_FONT may name a single .otf/.ttf instead. */
const COLLECTION = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const FACE = "Noto Serif CJK SC";

let font: Promise<ArrayBuffer> | undefined;

function loadFont(): Promise<ArrayBuffer> {
  font ??= (async () => {
    const override = readSetting("DUIZHAO_OG_FONT");
    const bytes = new Uint8Array(await fs.readFile(override ?? COLLECTION));
    const single = override && !override.endsWith(".ttc") ? bytes : extractCollectionFont(bytes, listCollectionFaces(bytes).find((face) => face.family === FACE)?.index ?? 0);
    return single.buffer.slice(single.byteOffset, single.byteOffset + single.byteLength) as ArrayBuffer;
  })();
  font.catch(() => (font = undefined));
  return font;
}

/** The link-preview image of a reader URL: the quoted passage (or the opening) under the document's title. */
export const GET = apiRoute("GET /api/og", async (request: Request) => {
  const params = firstValues(new URL(request.url).searchParams);
  const slug = slugParam.parse(params[LINK_PREVIEW_KEYS.slug] ?? "");
  const document = await getDocumentStructure(slug);
  if (!document) throw notFound(`document "${slug}"`);
  const quote = params[LINK_PREVIEW_KEYS.quote]?.slice(0, 280) ?? null;
  const passage = quote ?? (document.abstract ?? document.paragraphs[0]?.text ?? "").slice(0, 160);
  const byline = [document.authors.join("、"), [document.journal, document.issue].filter(Boolean).join("，")].filter(Boolean).join(" · ");

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#fbfaf7", color: "#1f1d1a", padding: "64px 72px", fontFamily: "CJK" }}>
        <div style={{ display: "flex", fontSize: 28, color: "#8a2b1d" }}>对照 Duizhao</div>
        <div style={{ display: "flex", flex: 1, alignItems: "center", marginTop: 24, marginBottom: 24, borderLeft: quote ? "6px solid #e2c36b" : "none", paddingLeft: quote ? 32 : 0 }}>
          <div style={{ display: "flex", fontSize: passage.length > 120 ? 34 : 44, lineHeight: 1.6 }}>{quote ? `“${passage}”` : passage}</div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", borderTop: "2px solid #e4e0d8", paddingTop: 24 }}>
          <div style={{ display: "flex", fontSize: 34 }}>{document.title}</div>
          {byline ? <div style={{ display: "flex", fontSize: 24, color: "#5f5a52", marginTop: 8 }}>{byline}</div> : null}
        </div>
      </div>
    ),
    {
      width: 1200,
      height: 630,
      fonts: [{ name: "CJK", data: await loadFont(), weight: 400, style: "normal" }],
      headers: { "cache-control": "public, max-age=3600" },
    },
  );
});
