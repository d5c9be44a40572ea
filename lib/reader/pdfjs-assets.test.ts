import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PDFJS_VERSION, pdfjsAssetFile } from "./pdfjs-assets";

describe("pdf.js assets", () => {
  it("name the installed pdf.js version (the worker must match the display build)", () => {
    const installed = JSON.parse(readFileSync("node_modules/pdfjs-dist/package.json", "utf8")) as { version: string };
    expect(PDFJS_VERSION).toBe(installed.version);
  });
  it("serve the worker, CMaps and standard fonts only", () => {
    expect(pdfjsAssetFile(["build", "pdf.worker.min.mjs"])).toBe("build/pdf.worker.min.mjs");
    expect(pdfjsAssetFile(["cmaps", "UniGB-UCS2-H.bcmap"])).toBe("cmaps/UniGB-UCS2-H.bcmap");
    expect(pdfjsAssetFile(["standard_fonts", "FoxitSerif.pfb"])).toBe("standard_fonts/FoxitSerif.pfb");
    for (const refused of [["build", "pdf.mjs"], ["package.json"], ["cmaps", "..", "package.json"], ["..", "..", "etc", "passwd"], ["cmaps", ".bcmap", ""], ["legacy", "build", "pdf.worker.min.mjs"]]) {
      expect(pdfjsAssetFile(refused), refused.join("/")).toBeNull();
    }
  });
});
