import type { XmlElement } from "./xml-writer";

/**
 * A document's citation tree for Distributed Text Services 1.0 (https://dtsapi.org/specifications/versions/v1.0/,
 * "Citation Tree" and the Navigation endpoint), read off the document's own TEI (document-to-tei.ts), so that
 * every unit the Navigation endpoint names is exactly an element the Document endpoint can cut out:
 *
 * - `section`: a heading's `div` (xml:id = the heading's anchor); a subsection is a section inside a section;
 * - `paragraph`: a `p` (xml:id = the paragraph's anchor), inside its section or, before the first heading, at the top;
 * - `note`: a footnote (`note place="foot"`, xml:id = the note's anchor), under the paragraph or section whose
 *   marker calls it: where it stands in the text.
 *
 * Identifiers are the anchors the reader uses, which survive re-ingestion (docs/ARCHITECTURE.md, "Anchoring
 * scheme"); an anchor of an earlier version is resolved by the caller through the document's aliases. Pure.
 */

export type DtsCiteType = "section" | "paragraph" | "note";

export interface DtsUnit {
  identifier: string;
  citeType: DtsCiteType;
  /** Depth in the tree, from 1. */
  level: number;
  parent: string | null;
  /** Position in document order (pre-order, depth first), from 0. */
  index: number;
  /** Position of the unit's last descendant (its own when it has none): its subtree is index..last. */
  last: number;
}

/** The citation tree's units in document order. */
export function citationUnits(tei: XmlElement): DtsUnit[] {
  const body = childElement(childElement(tei, "text"), "body");
  const units: DtsUnit[] = [];
  const walk = (element: XmlElement, parent: DtsUnit | null) => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      const type = citeTypeOf(child);
      const identifier = type === null ? null : attributeOf(child, "xml:id");
      if (type === null || identifier === null) {
        walk(child, parent);
        continue;
      }
      const unit: DtsUnit = { identifier, citeType: type, level: (parent?.level ?? 0) + 1, parent: parent?.identifier ?? null, index: units.length, last: units.length };
      units.push(unit);
      walk(child, unit);
      unit.last = units.length - 1;
    }
  };
  if (body) walk(body, null);
  return units;
}

export function citeTypeOf(element: XmlElement): DtsCiteType | null {
  if (element.name === "div") return "section";
  if (element.name === "p") return "paragraph";
  if (element.name === "note" && attributeOf(element, "place") === "foot") return "note";
  return null;
}

export function attributeOf(element: XmlElement, name: string): string | null {
  for (const [key, value] of element.attributes) if (key === name) return value ?? null;
  return null;
}

function childElement(element: XmlElement | null, name: string): XmlElement | null {
  if (!element) return null;
  for (const child of element.children) if (typeof child !== "string" && child.name === name) return child;
  return null;
}

/** DTS's CiteStructure: a type of unit and the types found directly inside it. */
export interface DtsCiteStructure {
  citeType: DtsCiteType;
  citeStructure?: DtsCiteStructure[];
}

/**
 * Every path of types the tree holds, merged (DTS 1.0: "a CitationTree declaration should represent all possible
 * hierarchical relationships among CitableUnits"), in the order first met. A section inside a section appears
 * as its own child, as deep as the document nests them.
 */
export function citeStructureOf(units: readonly DtsUnit[]): DtsCiteStructure[] {
  interface Entry {
    citeType: DtsCiteType;
    children: Entry[];
  }
  const top: Entry[] = [];
  // The entry each unit stands for: its children's types are gathered there. Parents come first in document order.
  const entryOf = new Map<string, Entry>();
  for (const unit of units) {
    const siblings = unit.parent === null ? top : (entryOf.get(unit.parent)?.children ?? top);
    let entry = siblings.find((candidate) => candidate.citeType === unit.citeType);
    if (!entry) {
      entry = { citeType: unit.citeType, children: [] };
      siblings.push(entry);
    }
    entryOf.set(unit.identifier, entry);
  }
  const structure = (entries: Entry[]): DtsCiteStructure[] =>
    entries.map((entry) => (entry.children.length > 0 ? { citeType: entry.citeType, citeStructure: structure(entry.children) } : { citeType: entry.citeType }));
  return structure(top);
}

/** What a Navigation request asks for, checked for its combinations already (lib/urls/route-params.ts). */
export type DtsNavigationRequest = { ref: string; down?: number } | { start: string; end: string; down?: number } | { down: number };

export type DtsSelection =
  | { ok: true; ref?: DtsUnit; start?: DtsUnit; end?: DtsUnit; member?: DtsUnit[] }
  | { ok: false; problem: "unknown"; parameter: "ref" | "start" | "end"; identifier: string }
  | { ok: false; problem: "reversed" };

/**
 * The units a passage (`ref`, or `start`..`end`) covers: the start's subtree, the end's, and every unit between
 * them in document order. Both endpoints use it, so a range reads the same in navigation and in the text.
 */
export function rangeSpan(start: DtsUnit, end: DtsUnit): { from: number; to: number } {
  return { from: start.index, to: Math.max(start.last, end.last) };
}

/**
 * The Navigation endpoint's answer as DTS 1.0 tabulates it ("Usage of down, ref, start and end"): without
 * `down`, the unit(s) named and no member; `down=0` with `ref`, the unit and its siblings; `down>0`, the tree
 * from the root, from `ref` or over the range, that many levels below it (below the deeper of start and end);
 * `down=-1`, to the bottom. A range whose end comes before its start is refused.
 */
export function selectUnits(units: readonly DtsUnit[], request: DtsNavigationRequest): DtsSelection {
  const byIdentifier = new Map(units.map((unit) => [unit.identifier, unit]));
  const find = (parameter: "ref" | "start" | "end", identifier: string) => {
    const unit = byIdentifier.get(identifier);
    return unit ? { ok: true as const, unit } : { ok: false as const, problem: "unknown" as const, parameter, identifier };
  };
  const within = (depth: number | undefined, below: number) => (unit: DtsUnit) => depth === -1 || unit.level <= below + (depth ?? 0);

  if ("ref" in request) {
    const found = find("ref", request.ref);
    if (!found.ok) return found;
    const ref = found.unit;
    if (request.down === undefined) return { ok: true, ref };
    if (request.down === 0) return { ok: true, ref, member: units.filter((unit) => unit.parent === ref.parent) };
    return { ok: true, ref, member: units.slice(ref.index, ref.last + 1).filter(within(request.down, ref.level)) };
  }
  if ("start" in request) {
    const start = find("start", request.start);
    if (!start.ok) return start;
    const end = find("end", request.end);
    if (!end.ok) return end;
    if (end.unit.index < start.unit.index) return { ok: false, problem: "reversed" };
    if (request.down === undefined) return { ok: true, start: start.unit, end: end.unit };
    const span = rangeSpan(start.unit, end.unit);
    const deeper = Math.max(start.unit.level, end.unit.level);
    return { ok: true, start: start.unit, end: end.unit, member: units.slice(span.from, span.to + 1).filter(within(request.down, deeper)) };
  }
  return { ok: true, member: units.filter(within(request.down, 0)) };
}
