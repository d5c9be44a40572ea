/**
 * A small XML writer: a tree of elements and text in, well-formed XML 1.0 out. Every text and attribute value
 * is escaped here and nowhere else, so corpus text (untrusted: it comes from extracted PDFs) can never become
 * markup. Names are checked, not escaped: they come from code, and a bad one is a bug (thrown).
 *
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF; lone
 * surrogates) cannot be written even as character references. Each is replaced by U+FFFD, one UTF-16 unit for
 * one, so offsets into the text (note markers, concept mentions) still point at the same characters.
 *
 * Layout: an element marked `block` puts each child on its own indented line when it has no text children;
 * every other element is written inline, exactly as given, so mixed content never gains whitespace.
 * Same tree in, same bytes out.
 */

export interface XmlElement {
  readonly name: string;
  /** In the order given; null and undefined values are left out. */
  readonly attributes: readonly (readonly [name: string, value: string | null | undefined])[];
  readonly children: readonly XmlNode[];
  readonly block: boolean;
}

export type XmlNode = XmlElement | string;

type AttributeInput = Readonly<Record<string, string | number | null | undefined>>;

/** An element written inline (mixed content: text and phrase-level elements). */
export function element(name: string, attributes: AttributeInput = {}, children: readonly XmlNode[] = []): XmlElement {
  return make(name, attributes, children, false);
}

/** An element whose children, when they are all elements, go on their own indented lines. */
export function blockElement(name: string, attributes: AttributeInput = {}, children: readonly XmlNode[] = []): XmlElement {
  return make(name, attributes, children, true);
}

function make(name: string, attributes: AttributeInput, children: readonly XmlNode[], block: boolean): XmlElement {
  assertName(name);
  const pairs = Object.entries(attributes).map(([key, value]) => {
    assertName(key);
    return [key, value === null || value === undefined ? value : String(value)] as const;
  });
  return { name, attributes: pairs, children: children.filter((child) => child !== ""), block };
}

// XML 1.0 (fifth edition) Name, restricted to the BMP letters that matter here, with at most one prefix.
const NAME_START = "A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
const QNAME = new RegExp(`^${NCNAME}(?::${NCNAME})?$`, "u");
const NCNAME_ONLY = new RegExp(`^${NCNAME}$`, "u");

function assertName(name: string): void {
  if (!QNAME.test(name)) throw new Error(`not an XML name: ${JSON.stringify(name)}`);
}

/** True when `value` can be an xml:id (an NCName). */
export function isNcName(value: string): boolean {
  return NCNAME_ONLY.test(value);
}

/**
 * Characters XML 1.0 does not allow anywhere (Char production): C0 controls but tab, newline, carriage return;
 * U+FFFE and U+FFFF; surrogates that are not part of a pair.
 */
// With the u flag a surrogate pair is one code point, so the surrogate range matches lone surrogates only.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** `text` with every character XML 1.0 forbids replaced by U+FFFD (same length in UTF-16 units). */
export function replaceForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, "\uFFFD");
}

/**
 * Text content: & and < always, > always (so "]]>" cannot occur), carriage return as a reference (a parser
 * would otherwise turn CR LF into LF).
 */
export function escapeText(text: string): string {
  return replaceForbiddenCharacters(text).replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch]!);
}

/** Attribute values (written in double quotes): also ", and tab and newline, which parsers would normalise to spaces. */
export function escapeAttribute(value: string): string {
  return replaceForbiddenCharacters(value).replace(/[&<>"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': "&quot;", "\t": "&#9;", "\n": "&#10;" };

/** The document: an XML declaration (UTF-8), the root element, a final newline. */
export function serializeXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}\n`;
}

/** One element and its subtree, no declaration. */
export function serializeXml(root: XmlElement): string {
  const out: string[] = [];
  write(root, 0, out);
  return out.join("");
}

const INDENT = "  ";

function write(node: XmlElement, depth: number, out: string[]): void {
  out.push("<", node.name);
  for (const [name, value] of node.attributes) {
    if (value === null || value === undefined) continue;
    out.push(" ", name, '="', escapeAttribute(value), '"');
  }
  if (node.children.length === 0) {
    out.push("/>");
    return;
  }
  out.push(">");
  const indent = node.block && node.children.every((child) => typeof child !== "string");
  for (const child of node.children) {
    if (indent) out.push("\n", INDENT.repeat(depth + 1));
    if (typeof child === "string") out.push(escapeText(child));
    else write(child, depth + 1, out);
  }
  if (indent) out.push("\n", INDENT.repeat(depth));
  out.push("</", node.name, ">");
}
