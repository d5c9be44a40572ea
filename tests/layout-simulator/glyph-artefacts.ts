/**
 * Essay 000's extraction artefacts, applied to normal-form text so that the parser has to repair them
 * (docs/ingest-normalisation.md lists the repairs): Yi-syllable glyphs for Chinese punctuation, guillemets
 * for title brackets, full-width Latin and digits padded with spaces next to Chinese, ASCII `:()` in
 * Chinese text, English commas printed `ꎬ`, and URLs padded around their slashes.
 * Marker placeholders (private-use characters) pass through untouched.
 */

const GLYPH_OF: Readonly<Record<string, string>> = {
  "，": "\uA3AC",
  "。": "\uA3AE",
  "；": "\uA3BB",
  "《": "«",
  "》": "»",
  "〈": "‹",
  "〉": "›",
  "：": ":",
  "（": "(",
  "）": ")",
};

const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+=%]+/g;
const ALNUM = /[A-Za-z0-9]/;
const HAN = /\p{Script=Han}/u;

function fullWidth(ch: string): string {
  return ALNUM.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch;
}

/** `http://www.a.cn/x/y.htm` → `ｈｔｔｐ:/ / ｗｗｗ.ａ.ｃｎ / ｘ / ｙ.ｈｔｍ` (as essay 000 prints them). */
function paddedUrl(url: string): string {
  const [scheme, rest] = url.split("://") as [string, string];
  const body = rest.split("/").map((part) => Array.from(part, fullWidth).join(""));
  return `${Array.from(scheme, fullWidth).join("")}:/ / ${body.join(" / ")}`;
}

export function withGlyphArtefacts(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL)) {
    out += outsideUrl(text.slice(last, match.index));
    out += paddedUrl(match[0]);
    last = match.index + match[0].length;
  }
  return out + outsideUrl(text.slice(last));
}

function outsideUrl(text: string): string {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    const before = chars[i - 1] ?? "";
    const after = chars[i + 1] ?? "";
    if (ch === "," && (after === " " || after === "”")) {
      out += "\uA3AC";
      continue;
    }
    if (ALNUM.test(ch)) {
      // A run of Latin or digits next to Chinese is padded with a space on that side.
      if (!ALNUM.test(before) && HAN.test(before)) out += " ";
      out += fullWidth(ch);
      if (!ALNUM.test(after) && HAN.test(after)) out += " ";
      continue;
    }
    out += GLYPH_OF[ch] ?? ch;
  }
  return out;
}
