import { describe, expect, it } from "vitest";
import { countCitingDocuments } from "./count-citing-documents";

describe("countCitingDocuments", () => {
  it("counts each citing document once, however often it cites the work", () => {
    expect(countCitingDocuments([{ documentSlug: "a" }, { documentSlug: "b" }, { documentSlug: "a" }])).toBe(2);
  });
  it("is zero for a work nobody cites", () => {
    expect(countCitingDocuments([])).toBe(0);
  });
});
