import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";

/** Name under which the GB/T 7714-2015 numeric style is registered with citation-js. */
export const GBT7714_STYLE = "china-national-standard-gb-t-7714-2015-numeric";
export const ZH_CN_LOCALE = "zh-CN";

function readStyleFile(name: string): string {
  // Beside this module under Node and Vitest; from the project root when bundled (Next.js server).
  const candidates = [path.join(path.dirname(fileURLToPath(import.meta.url)), "styles", name), path.join(process.cwd(), "lib", "citations", "styles", name)];
  for (const candidate of candidates) {
    try {
      return readFileSync(candidate, "utf8");
    } catch {
      // try the next location
    }
  }
  throw new Error(`CSL file not found: ${name}`);
}

/**
 * GB/T 7714-2015 §8.1.2 shortens a list of more than three authors with "等"; the zh-CN locale's term is
 * "等人". The style file stays verbatim (see styles/README.md); the term is added to its own zh locale here.
 */
export function patchEtAl(styleXml: string): string {
  return styleXml.replace(/(<locale xml:lang="zh">[\s\S]*?<terms>)/u, `$1\n      <term name="et-al">等</term>`);
}

let registered = false;

/**
 * Registers the bundled style and locale and sets the BibTeX output to keep Chinese text and our ids as
 * keys. Everything is local: citation-js never fetches a style, a locale or a URL.
 */
export function registerCitationJs(): typeof Cite {
  if (registered) return Cite;
  const csl = plugins.config.get("@csl");
  if (!csl.styles.has(GBT7714_STYLE)) csl.styles.add(GBT7714_STYLE, patchEtAl(readStyleFile(`${GBT7714_STYLE}.csl`)));
  // The locale citation-js bundles for zh-CN would be fetched on demand; ours is local.
  csl.locales.add(ZH_CN_LOCALE, readStyleFile("locales-zh-CN.xml"));
  const bibtex = plugins.config.get("@bibtex");
  // The default ASCII-only output drops every CJK character (titles come out empty).
  bibtex.format.asciiOnly = false;
  bibtex.format.useIdAsLabel = true;
  registered = true;
  return Cite;
}
