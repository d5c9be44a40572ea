import { describe, expect, it } from "vitest";
import { placesOf, samePlaces } from "./history-step";

describe("placesOf", () => {
  it("reads where the panes stand from a view's query, as the URL writes it", () => {
    expect(placesOf("?left=a&right=b&lp=p-3&j=right:p-9:4-8:cyber-sovereignty&pane=right&c=x,y")).toEqual({
      lp: "p-3",
      rp: null,
      jumped: "right:p-9:4-8:cyber-sovereignty",
      pane: "right",
      concepts: "x,y",
    });
  });

  it("is null for a query that is not a view", () => {
    expect(placesOf("?left=a")).toBeNull();
  });
});

describe("samePlaces", () => {
  const places = placesOf("?left=a&right=b&lp=p-3&j=left:p-1")!;
  it("tells a rendered view that has caught up with a history step from one that has not", () => {
    expect(samePlaces(places, { ...places })).toBe(true);
    expect(samePlaces(places, { ...places, jumped: null })).toBe(false);
    expect(samePlaces(places, { ...places, concepts: "x" })).toBe(false);
  });
});
