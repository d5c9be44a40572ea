import fc from "fast-check";
import { XmlDocument } from "libxml2-wasm";
import { describe, expect, it } from "vitest";
import {
  blockElement,
  element,
  escapeAttribute,
  escapeText,
  isNcName,
  replaceForbiddenCharacters,
  serializeXml,
  serializeXmlDocument,
} from "./xml-writer";

/** What an XML parser (libxml2) reads back: the root's text content and one attribute. */
function readBack(xml: string): { text: string; attribute: string | null } {
  const document = XmlDocument.fromString(xml);
  try {
    const root = document.root;
    return { text: root.content, attribute: root.attr("a")?.value ?? null };
  } finally {
    document.dispose();
  }
}

describe("escaping", () => {
  it("escapes markup characters in text, so ]]> cannot close anything", () => {
    expect(escapeText(`a<b>&c]]>`)).toBe("a&lt;b&gt;&amp;c]]&gt;");
    expect(escapeText("<!-- x --><![CDATA[y]]>")).toBe("&lt;!-- x --&gt;&lt;![CDATA[y]]&gt;");
  });

  it("escapes quotes, tabs, newlines and carriage returns in attributes (parsers would normalise them)", () => {
    expect(escapeAttribute(`"x" & 'y'\t\n\r<`)).toBe("&quot;x&quot; &amp; 'y'&#9;&#10;&#13;&lt;");
  });

  it("replaces characters XML 1.0 forbids by U+FFFD, one for one, and keeps the allowed ones", () => {
    const text = "a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh";
    expect(replaceForbiddenCharacters(text)).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
    expect(replaceForbiddenCharacters("\t\n\r\u007F\u0085 中文 😀")).toBe("\t\n\r\u007F\u0085 中文 😀");
    // Lone surrogates (half of a pair) are not characters; a pair is one and stays.
    expect(replaceForbiddenCharacters("x\uD83Dy\uDE00z\uD83D\uDE00")).toBe("x\uFFFDy\uFFFDz😀");
  });

  it("round-trips any string through a real parser: text and attributes read back as written (forbidden characters as U+FFFD)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (value) => {
        const xml = serializeXmlDocument(element("r", { a: value }, [value]));
        const expected = replaceForbiddenCharacters(value);
        expect(expected.length).toBe(value.length);
        expect(readBack(xml)).toEqual({ text: expected, attribute: expected });
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it("keeps hostile text inert: no element, comment, entity or CDATA section comes out of it", () => {
    const hostile = `</r><x a="1">&amp;&lt;<!DOCTYPE r [<!ENTITY e "boom">]>&e;<![CDATA[ ]]> <?pi x?><!-- c -->`;
    const xml = serializeXmlDocument(element("r", {}, [hostile]));
    const document = XmlDocument.fromString(xml);
    try {
      expect(document.root.firstChild?.next ?? null).toBeNull();
      expect(document.root.content).toBe(hostile);
    } finally {
      document.dispose();
    }
  });
});

describe("names", () => {
  it("accepts XML names with one prefix and refuses anything else", () => {
    expect(() => element("tei:note", { "xml:id": "n-1" })).not.toThrow();
    for (const bad of ["", "a b", "<x", "1a", "a:b:c", 'a"']) expect(() => element(bad)).toThrow(/not an XML name/);
    expect(() => element("a", { "b c": "x" })).toThrow(/not an XML name/);
  });

  it("tells which strings can be an xml:id", () => {
    expect(isNcName("p-aa444ac4")).toBe(true);
    expect(isNcName("slug.p-aa444ac4")).toBe(true);
    expect(isNcName("_000-1322")).toBe(true);
    expect(isNcName("000-1322")).toBe(false);
    expect(isNcName("a:b")).toBe(false);
    expect(isNcName("a b")).toBe(false);
  });
});

describe("serialising", () => {
  it("writes attributes in the order given, leaves null and undefined out, and closes empty elements", () => {
    expect(serializeXml(element("pb", { n: 3, type: null, ed: undefined }))).toBe('<pb n="3"/>');
    expect(serializeXml(element("a", { z: "1", b: "2" }, ["x"]))).toBe('<a z="1" b="2">x</a>');
  });

  it("indents block elements whose children are all elements, and never adds whitespace to mixed content", () => {
    const tree = blockElement("body", {}, [
      element("p", {}, ["a", element("note", {}, [element("gap")]), "b"]),
      blockElement("div", {}, [element("head", {}, ["h"])]),
      blockElement("note", {}, ["mixed ", element("gap")]),
    ]);
    expect(serializeXml(tree)).toBe(
      ["<body>", '  <p>a<note><gap/></note>b</p>', "  <div>", "    <head>h</head>", "  </div>", "  <note>mixed <gap/></note>", "</body>"].join("\n"),
    );
  });

  it("writes a UTF-8 declaration and a final newline", () => {
    expect(serializeXmlDocument(element("r"))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<r/>\n');
  });
});
