import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestInlineMarkup, type InlineSpan } from "./nest-inline-markup";
import { element, serializeXml, type XmlNode } from "./xml-writer";

const span = (name: string, start: number, end: number, priority = 0): InlineSpan => ({
  start,
  end,
  priority,
  make: (children, piece) => element(name, { piece: piece.index === 0 ? null : piece.index, more: piece.last ? null : "yes" }, children),
});
const point = (name: string, offset: number) => ({ offset, node: element(name) });
const xml = (nodes: XmlNode[]) => serializeXml(element("r", {}, nodes));

/** The text of the nodes, leaving out what points hold (they hold none here). */
const textOf = (nodes: readonly XmlNode[]): string => nodes.map((node) => (typeof node === "string" ? node : textOf(node.children))).join("");

describe("nestInlineMarkup", () => {
  it("nests spans that nest and leaves the text as it was", () => {
    expect(xml(nestInlineMarkup("abcdef", [span("a", 0, 6), span("b", 1, 3)], []))).toBe("<r><a>a<b>bc</b>def</a></r>");
    expect(xml(nestInlineMarkup("abcdef", [span("b", 1, 3), span("a", 0, 6)], []))).toBe("<r><a>a<b>bc</b>def</a></r>");
  });

  it("puts a point after a span that ends there, before one that starts there, and inside one that goes on", () => {
    expect(xml(nestInlineMarkup("abcd", [span("t", 1, 3)], [point("n", 1), point("m", 3), point("i", 2)]))).toBe(
      "<r>a<n/><t>b<i/>c</t><m/>d</r>",
    );
    expect(xml(nestInlineMarkup("ab", [], [point("x", 0), point("y", 2), point("z", 2)]))).toBe("<r><x/>ab<y/><z/></r>");
  });

  it("splits the lower-priority span where two cross, whichever starts first", () => {
    // The term starts first and crosses the title: the title stays whole.
    expect(xml(nestInlineMarkup("abcdef", [span("term", 1, 4, 0), span("title", 3, 6, 1)], []))).toBe(
      '<r>a<term more="yes">bc</term><title><term piece="1">d</term>ef</title></r>',
    );
    // The title starts first: the term is split at the title's end.
    expect(xml(nestInlineMarkup("abcdef", [span("title", 0, 3, 1), span("term", 2, 5, 0)], []))).toBe(
      '<r><title>ab<term more="yes">c</term></title><term piece="1">de</term>f</r>',
    );
  });

  it("leaves out empty and out-of-range spans and points", () => {
    expect(xml(nestInlineMarkup("ab", [span("e", 1, 1), span("o", 1, 9), span("n", -1, 1)], [point("p", 5)]))).toBe("<r>ab</r>");
  });

  it("gives the text back whole and well nested for any spans and points", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(31), fc.nat(31), fc.integer({ min: 0, max: 2 })), { maxLength: 8 }),
        fc.array(fc.nat(31), { maxLength: 5 }),
        (text, spanSpecs, pointOffsets) => {
          const spans = spanSpecs.map(([a, b, priority], index) => span(`s${index}`, Math.min(a, b), Math.max(a, b), priority));
          const points = pointOffsets.map((offset, index) => point(`p${index}`, offset));
          const nodes = nestInlineMarkup(text, spans, points);
          expect(textOf(nodes)).toBe(text);
          // Each usable point comes out exactly once.
          const written = xml(nodes);
          points.forEach((p, index) => {
            if (p.offset <= text.length) expect(written.split(`<p${index}/>`).length - 1).toBe(1);
          });
          // A span of the highest priority among those it crosses is never split.
          spans.forEach((s, index) => {
            const usable = s.start < s.end && s.end <= text.length;
            const crossedByHigher = spans.some(
              (o) => o !== s && o.start < o.end && o.end <= text.length && o.priority >= s.priority && o.start < s.end && s.start < o.end && !(o.start <= s.start && s.end <= o.end) && !(s.start <= o.start && o.end <= s.end),
            );
            if (usable && !crossedByHigher) expect(written).not.toContain(`<s${index} piece=`);
          });
        },
      ),
      { seed: 14, numRuns: 500 },
    );
  });
});
