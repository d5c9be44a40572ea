import { documentTeiElement, type DocumentTeiInput } from "./document-to-tei";
import { attributeOf, citationUnits, citeTypeOf, rangeSpan, type DtsUnit } from "./dts-citation-tree";
import { blockElement, serializeXmlDocument, type XmlElement, type XmlNode } from "./xml-writer";

/**
 * A passage of a document as TEI, as the Distributed Text Services 1.0 Document endpoint returns one
 * (https://dtsapi.org/specifications/versions/v1.0/, "XML/TEI encoding and sub-tree representation"): a `TEI`
 * root with the document's own teiHeader, and in its body a `dts:wrapper` (namespace https://w3id.org/api/dts#)
 * holding the requested units. Pure; cut out of the same element tree documentToTei writes, so a paragraph
 * reads here exactly as in the whole document's TEI (notes at their markers, citations, terms).
 *
 * What the wrapper holds: every unit the passage covers (ref: the unit; start..end: the start's subtree, the
 * end's and everything between, in document order), each whole; the sections around them as shells (their
 * `div` with its xml:id and n, without the blocks outside the passage, and without the head unless the section
 * begins inside the range), as the specification's own examples give them; page breaks before and between the
 * covered blocks. A note cut out
 * alone stands without its paragraph. The wrapper's `ref`, or `start` and `end`, give XPaths to the units
 * named, as the specification recommends when shells from outside the passage are included.
 */

/** The namespace of `dts:wrapper` (DTS 1.0). */
export const DTS_NAMESPACE = "https://w3id.org/api/dts#";

export type PassageSelection = { ref: string } | { start: string; end: string };

export class UnknownPassageError extends Error {
  constructor(readonly identifier: string) {
    super(`no citable unit ${identifier} in this document`);
    this.name = "UnknownPassageError";
  }
}

/** `tei`: the document's element tree when the caller has built it already (documentTeiElement of the same input). */
export function passageToTei(input: DocumentTeiInput, selection: PassageSelection, tei: XmlElement = documentTeiElement(input)): string {
  const units = citationUnits(tei);
  const unit = (identifier: string): DtsUnit => {
    const found = units.find((candidate) => candidate.identifier === identifier);
    if (!found) throw new UnknownPassageError(identifier);
    return found;
  };
  const [start, end] = "ref" in selection ? [unit(selection.ref), unit(selection.ref)] : [unit(selection.start), unit(selection.end)];
  if (end.index < start.index) throw new RangeError(`passageToTei: the range ${JSON.stringify(selection)} ends before it starts`);
  const span = rangeSpan(start, end);
  const range: Range = { ...span, units: new Map(units.map((candidate) => [candidate.identifier, candidate])) };

  const xpath = (identifier: string) => `//*[@xml:id='${identifier}']`;
  const wrapperAttributes = "ref" in selection ? { ref: xpath(selection.ref) } : { start: xpath(selection.start), end: xpath(selection.end) };
  const body = (tei.children.find((child) => typeof child !== "string" && child.name === "text") as XmlElement | undefined)?.children.find(
    (child): child is XmlElement => typeof child !== "string" && child.name === "body",
  );
  const header = tei.children.filter((child): child is XmlElement => typeof child !== "string" && child.name === "teiHeader");
  const wrapper = blockElement("dts:wrapper", { "xmlns:dts": DTS_NAMESPACE, ...wrapperAttributes }, body ? cut(body.children, range) : []);
  const attributes = Object.fromEntries(tei.attributes);
  return serializeXmlDocument(blockElement("TEI", attributes, [...header, blockElement("text", {}, [blockElement("body", {}, [wrapper])])]));
}

/** The span of units in document order a passage covers, and every unit by identifier. */
interface Range {
  from: number;
  to: number;
  units: ReadonlyMap<string, DtsUnit>;
}

function unitOf(node: XmlElement, range: Range): DtsUnit | null {
  const identifier = citeTypeOf(node) === null ? null : attributeOf(node, "xml:id");
  return identifier === null ? null : (range.units.get(identifier) ?? null);
}

/** A unit whose whole subtree is in the range: given whole. */
function isWhole(node: XmlElement, range: Range): boolean {
  const unit = unitOf(node, range);
  return unit !== null && unit.index >= range.from && unit.last <= range.to;
}

/** A unit that begins inside the range (a section whose start, its head, the range passes through). */
function beginsInside(node: XmlElement, range: Range): boolean {
  const unit = unitOf(node, range);
  return unit !== null && unit.index >= range.from && unit.index <= range.to;
}

/** Whether an element is, or holds, a unit of the range. */
function holdsCovered(node: XmlElement, range: Range): boolean {
  return beginsInside(node, range) || node.children.some((child) => typeof child !== "string" && holdsCovered(child, range));
}

/**
 * The covered part of a list of siblings: units wholly in the range given whole; sections holding some as
 * shells (with their head when the section begins inside the range); other elements holding some (a paragraph
 * whose note alone is asked for) dissolved into what they hold. Page breaks are kept from the run just before
 * the first kept node to the last kept node.
 */
function cut(children: readonly XmlNode[], range: Range, keepHead = false): XmlNode[] {
  const out: ({ kind: "kept" | "page-break"; node: XmlNode } | { kind: "left-out" })[] = [];
  for (const child of children) {
    if (typeof child === "string") continue;
    if (child.name === "pb") out.push({ kind: "page-break", node: child });
    else if (child.name === "head" && keepHead) out.push({ kind: "kept", node: child });
    else if (isWhole(child, range)) out.push({ kind: "kept", node: child });
    else if (!holdsCovered(child, range)) out.push({ kind: "left-out" });
    else if (child.name === "div") out.push({ kind: "kept", node: { ...child, children: cut(child.children, range, beginsInside(child, range)) } });
    else for (const node of cut(child.children, range)) out.push({ kind: "kept", node });
  }
  const firstKept = out.findIndex((entry) => entry.kind === "kept");
  if (firstKept === -1) return [];
  let from = firstKept;
  while (from > 0 && out[from - 1]!.kind === "page-break") from -= 1;
  let to = out.length - 1;
  while (out[to]!.kind !== "kept") to -= 1;
  return out.slice(from, to + 1).flatMap((entry) => (entry.kind === "left-out" ? [] : [entry.node]));
}
