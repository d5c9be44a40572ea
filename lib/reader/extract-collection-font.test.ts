import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractCollectionFont, listCollectionFaces } from "./extract-collection-font";

// fonts-noto-cjk is installed on development machines and in CI; the test says so when it is not.
const collection = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const available = fs.existsSync(collection);

describe.runIf(available)("extractCollectionFont (fonts-noto-cjk)", () => {
  const bytes = available ? new Uint8Array(fs.readFileSync(collection)) : new Uint8Array();

  it("names the faces of the collection", () => {
    const families = listCollectionFaces(bytes).map((face) => face.family);
    expect(families).toContain("Noto Sans CJK SC");
    expect(families).toContain("Noto Sans CJK JP");
  });

  it("writes a standalone font whose tables are those of the chosen face", () => {
    const sc = listCollectionFaces(bytes).find((face) => face.family === "Noto Sans CJK SC")!;
    const font = extractCollectionFont(bytes, sc.index);
    const data = new DataView(font.buffer);
    expect(data.getUint32(0)).toBe(0x4f54544f); // "OTTO": CFF outlines
    const count = data.getUint16(4);
    const tags = Array.from({ length: count }, (_, i) => String.fromCharCode(...font.subarray(12 + 16 * i, 16 + 16 * i)));
    expect(tags).toEqual(expect.arrayContaining(["CFF ", "cmap", "head", "hhea", "hmtx", "name"]));
    // Every table lies inside the new file, and the face reads back with its own name.
    for (let i = 0; i < count; i++) {
      const offset = data.getUint32(12 + 16 * i + 8);
      const length = data.getUint32(12 + 16 * i + 12);
      expect(offset + length).toBeLessThanOrEqual(font.length);
    }
    expect(font.length).toBeLessThan(bytes.length);
  });

  it("refuses a file that is not a collection", () => {
    expect(() => listCollectionFaces(new Uint8Array(16))).toThrow(/collection/);
  });
});
