import "server-only";
import { readSetting } from "@/lib/env";

/**
 * The address readers reach the app at, with no trailing slash: DUIZHAO_PUBLIC_URL when configured, else this
 * server on its port (what app/layout.tsx's metadataBase says too). Exports and harvestable metadata name
 * documents and concepts by absolute URL, because a file or a reference manager's record outlives the page it
 * came from; a request's own Host header is not used, since behind a proxy it names the proxy's upstream.
 */
export function publicOrigin(): string {
  const configured = readSetting("DUIZHAO_PUBLIC_URL");
  const base = configured ?? `http://localhost:${readSetting("PORT")}`;
  return base.replace(/\/+$/u, "");
}

/** An app path (as lib/urls/app-urls.ts builds them, starting with `/`) as an absolute URL. */
export function absoluteUrl(path: string): string {
  return `${publicOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}
