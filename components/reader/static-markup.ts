import type { ReactNode } from "react";

/**
 * The markup of a tree of plain elements and server components, as React DOM's renderToStaticMarkup writes
 * it, for a part of a page that React places once and never hydrates (DocumentBody's `staticMarkup`).
 *
 * Why not React's own: react-dom/server refuses to load in a React Server Component (it throws at import).
 * Why at all: React hydrates every element a server component rendered, and sends each as a JSON array in the
 * page's RSC payload beside the HTML; an essay is a couple of thousand of them (the framework's long task at
 * Lighthouse's 4× CPU, mostly that hydration, was 125–430 ms on the reader). As one string the text is one
 * element to React, and the reader's scripts work on it by delegation as they did before.
 *
 * Strict by design: it knows the few element and attribute kinds the reader's text uses, and throws on
 * anything it would have to guess at (a client component, a hook, an event handler, an unknown camel-cased
 * attribute), so that a later change fails loudly in the tests rather than rendering something else.
 * Text and attribute values are escaped exactly as React escapes them (static-markup.test.ts compares the
 * two on both essays of the corpus and on arbitrary strings): corpus text stays inert.
 */
export function staticMarkup(node: ReactNode): string {
  const out: string[] = [];
  write(node, out);
  return out.join("");
}

/** Thrown for a node this renderer does not write (the caller renders the tree as elements instead, or fixes it). */
export class NotStaticMarkup extends Error {
  constructor(what: string) {
    super(`static markup cannot render ${what}`);
    this.name = "NotStaticMarkup";
  }
}

const ELEMENT_TYPES = new Set([Symbol.for("react.transitional.element"), Symbol.for("react.element")]);
const FRAGMENT = Symbol.for("react.fragment");
const CLIENT_REFERENCE = Symbol.for("react.client.reference");

/** HTML's void elements: no closing tag (React writes `<br/>`). */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements whose content or value React writes in its own way (raw text, form state): not used in the text, refused. */
const REFUSED_ELEMENTS = new Set(["script", "style", "textarea", "select", "option", "input", "noscript", "title", "html", "head", "body"]);
/** Attributes present or absent (`hidden=""`), as React writes the boolean ones. */
const BOOLEAN_ATTRIBUTES = new Set(["hidden", "disabled", "open", "inert", "checked", "selected", "required", "readonly", "multiple", "novalidate", "itemscope"]);
/**
 * The camel-cased props React knows, written as React writes them (HTML's attribute names are case-insensitive:
 * React 19 writes `popoverTarget` as is); every other name must be the attribute's own (lower case, or aria-/data-).
 */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  className: "class",
  htmlFor: "for",
  tabIndex: "tabindex",
  popoverTarget: "popoverTarget",
  popoverTargetAction: "popoverTargetAction",
  viewBox: "viewBox",
  strokeWidth: "stroke-width",
  strokeLinecap: "stroke-linecap",
  strokeLinejoin: "stroke-linejoin",
  fillRule: "fill-rule",
  clipRule: "clip-rule",
  colSpan: "colspan",
  rowSpan: "rowspan",
  dateTime: "datetime",
  hrefLang: "hreflang",
  referrerPolicy: "referrerpolicy",
};
/** Attributes whose value is an address a browser may follow or load. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href"]);
/** React DOM's own test for a javascript: URL (leading controls and spaces, tabs and newlines inside the scheme). */
const JAVASCRIPT_URL = /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;
/** Props that are React's, not attributes. */
const NOT_ATTRIBUTES = new Set(["children", "key", "ref", "dangerouslySetInnerHTML", "suppressHydrationWarning", "suppressContentEditableWarning"]);
/** CSS properties React writes without a unit when given a number (of those the reader could use; custom properties never get one). */
const UNITLESS_STYLES = new Set(["flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "opacity", "order", "orphans", "widows", "zIndex", "zoom", "tabSize"]);

function write(node: ReactNode, out: string[]): void {
  if (node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string") {
    out.push(escapeHtml(node));
    return;
  }
  if (typeof node === "number" || typeof node === "bigint") {
    out.push(String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) write(child as ReactNode, out);
    return;
  }
  if (typeof node !== "object") throw new NotStaticMarkup(typeof node);
  const element = node as { $$typeof?: symbol; type?: unknown; props?: Record<string, unknown> };
  if (!element.$$typeof || !ELEMENT_TYPES.has(element.$$typeof)) {
    if (Symbol.iterator in node) {
      for (const child of node as Iterable<ReactNode>) write(child, out);
      return;
    }
    throw new NotStaticMarkup("an object that is not an element (a promise or a lazy node)");
  }
  const { type } = element;
  const props = element.props ?? {};
  if (type === FRAGMENT) {
    write(props.children as ReactNode, out);
    return;
  }
  if (typeof type === "function") {
    if ((type as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE) throw new NotStaticMarkup("a client component");
    // A server component of the text: a plain function of its props (one using a hook throws here, as it should).
    const rendered: unknown = (type as (props: unknown) => unknown)(props);
    if (rendered instanceof Promise) throw new NotStaticMarkup("an async component");
    write(rendered as ReactNode, out);
    return;
  }
  if (typeof type !== "string") throw new NotStaticMarkup(`an element of type ${String(type)}`);
  if (REFUSED_ELEMENTS.has(type) || !/^[a-z][a-z0-9]*$/.test(type)) throw new NotStaticMarkup(`<${type}>`);
  out.push("<", type);
  for (const [name, value] of Object.entries(props)) writeAttribute(name, value, out);
  if (VOID_ELEMENTS.has(type)) {
    out.push("/>");
    return;
  }
  out.push(">");
  const inner = props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
  if (inner && typeof inner.__html === "string") out.push(inner.__html);
  else write(props.children as ReactNode, out);
  out.push("</", type, ">");
}

function writeAttribute(name: string, value: unknown, out: string[]): void {
  if (NOT_ATTRIBUTES.has(name) || value === null || value === undefined) return;
  if (typeof value === "function") throw new NotStaticMarkup(`the event handler or function prop ${name}`);
  if (name === "style") {
    const css = styleText(value as Record<string, unknown>);
    if (css) out.push(' style="', escapeHtml(css), '"');
    return;
  }
  const attribute = ATTRIBUTE_NAMES[name] ?? name;
  // React drops an `on…` attribute given as a string rather than writing an inline handler; refusing it keeps
  // a string handler from ever reaching the page through this writer.
  if (/^on/i.test(attribute)) throw new NotStaticMarkup(`the event handler attribute ${name}`);
  const free = attribute.startsWith("data-") || attribute.startsWith("aria-");
  if (!free && !(name in ATTRIBUTE_NAMES) && !/^[a-z][a-z-]*$/.test(attribute)) throw new NotStaticMarkup(`the attribute ${name}`);
  if (typeof value === "boolean") {
    if (free) out.push(" ", attribute, '="', String(value), '"');
    else if (!BOOLEAN_ATTRIBUTES.has(attribute)) throw new NotStaticMarkup(`a boolean for the attribute ${name}`);
    else if (value) out.push(" ", attribute, '=""');
    return;
  }
  if (typeof value !== "string" && typeof value !== "number") throw new NotStaticMarkup(`a ${typeof value} for the attribute ${name}`);
  // React replaces a javascript: URL with one that throws; this writer refuses it, so an address taken from
  // corpus text can never become script (the reader's links go through safeOutboundUrl before they get here).
  if (URL_ATTRIBUTES.has(attribute) && JAVASCRIPT_URL.test(String(value))) throw new NotStaticMarkup(`a javascript: URL in ${name}`);
  out.push(" ", attribute, '="', escapeHtml(String(value)), '"');
}

/** A style object as React writes it: `name:value` joined by `;`, camel case hyphenated, `px` after numbers that need one. */
function styleText(style: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [property, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === "boolean" || value === "") continue;
    const custom = property.startsWith("--");
    const name = custom ? property : property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^ms-/, "-ms-");
    const text = typeof value === "number" && value !== 0 && !custom && !UNITLESS_STYLES.has(property) ? `${value}px` : String(value).trim();
    parts.push(`${name}:${text}`);
  }
  return parts.join(";");
}

/** React's escaping of text and attribute values (escapeTextForBrowser): the five characters markup could read. */
function escapeHtml(text: string): string {
  return text.replace(/["&'<>]/g, (character) => ESCAPES[character]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
