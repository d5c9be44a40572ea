import { expect, test } from "@playwright/test";
import { dtsCollectionResponseSchema, dtsEntryPointSchema, dtsNavigationSchema } from "@/lib/exchange/dts-response-schemas";
import { rawPathStatus } from "./raw-path-status";

/**
 * The Distributed Text Services 1.0 API as a client meets it over HTTP, on the app as `npm start` serves it
 * with the corpus ingested: it knows only the entry endpoint's address and follows the URI templates it is
 * given, down to one paragraph's TEI, which the browser's own XML parser reads back; malformed queries on every
 * DTS parameter answer 4xx with a reason, never 5xx.
 */

/** RFC 6570 form-style query expansion (`{?a,b}`, `{&a,b}`) and literals, as a generic DTS client does it. */
function expand(template: string, variables: Record<string, string | number | undefined>): string {
  return template.replace(/\{([?&])([^}]+)\}/gu, (_expression, operator: string, names: string) => {
    const pairs = names.split(",").flatMap((name) => (variables[name] === undefined ? [] : [`${name}=${encodeURIComponent(String(variables[name]))}`]));
    return pairs.length === 0 ? "" : `${operator}${pairs.join("&")}`;
  });
}

interface ApiDocument {
  slug: string;
  paragraphs: { anchor: string; text: string; markers: unknown[] }[];
}

test("a client following the templates reaches a paragraph's TEI, which holds exactly that paragraph's text", async ({ request, page, baseURL }) => {
  const entryResponse = await request.get("/api/dts");
  expect(entryResponse.status()).toBe(200);
  expect(entryResponse.headers()["content-type"]).toBe("application/ld+json");
  const entry = dtsEntryPointSchema.parse(await entryResponse.json());
  // The app's public address is where the templates point (DUIZHAO_PUBLIC_URL, here the default of this port).
  expect(entry.collection.startsWith(`${baseURL}/api/dts/collection`)).toBe(true);

  const corpus = dtsCollectionResponseSchema.parse(await (await request.get(expand(entry.collection, {}))).json());
  const members = corpus.member ?? [];
  expect(members.length).toBeGreaterThanOrEqual(2);
  const member = members.find((candidate) => candidate["@type"] === "Resource" && candidate["@id"].endsWith("/read/xu-2023-global-cyberspace-governance"));
  expect(member).toBeDefined();

  const resource = dtsCollectionResponseSchema.parse(await (await request.get(expand(entry.collection, { id: member!["@id"] }))).json());
  if (resource["@type"] !== "Resource") throw new Error("a Resource");
  const navigation = dtsNavigationSchema.parse(await (await request.get(expand(resource.navigation, { down: -1 }))).json());
  const paragraphIds = (navigation.member ?? []).filter((unit) => unit.citeType === "paragraph").map((unit) => unit.identifier);

  const stored = (await (await request.get("/api/documents/xu-2023-global-cyberspace-governance")).json()) as ApiDocument;
  expect(paragraphIds.sort()).toEqual(stored.paragraphs.map((paragraph) => paragraph.anchor).sort());
  const paragraph = stored.paragraphs.find((candidate) => candidate.markers.length > 1)!;

  const passage = await request.get(expand(resource.document, { ref: paragraph.anchor }));
  expect(passage.status()).toBe(200);
  expect(passage.headers()["content-type"]).toBe("application/tei+xml");
  expect(passage.headers()["link"]).toContain('rel="collection"');
  const xml = await passage.text();

  // Read back by the browser's XML parser: a TEI root, one dts:wrapper, one paragraph whose text without its notes is the paragraph's.
  await page.goto("/api/health");
  const read = await page.evaluate(
    ({ xml, anchor }) => {
      const document = new DOMParser().parseFromString(xml, "application/xml");
      if (document.getElementsByTagName("parsererror").length > 0) return { error: document.documentElement.textContent };
      const wrappers = document.getElementsByTagNameNS("https://w3id.org/api/dts#", "wrapper");
      const paragraphs = [...wrappers[0]!.getElementsByTagNameNS("http://www.tei-c.org/ns/1.0", "p")];
      const p = paragraphs[0]!.cloneNode(true) as Element;
      for (const note of [...p.getElementsByTagNameNS("http://www.tei-c.org/ns/1.0", "note")]) note.remove();
      return {
        root: `${document.documentElement.namespaceURI} ${document.documentElement.localName}`,
        wrappers: wrappers.length,
        ids: paragraphs.map((element) => element.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id")),
        text: p.textContent,
        anchor,
      };
    },
    { xml, anchor: paragraph.anchor },
  );
  expect(read).toEqual({ root: "http://www.tei-c.org/ns/1.0 TEI", wrappers: 1, ids: [paragraph.anchor], text: paragraph.text, anchor: paragraph.anchor });
});

test("an unknown resource or passage is a 404, a malformed query a 400, each with its reason", async ({ request }) => {
  const entry = dtsEntryPointSchema.parse(await (await request.get("/api/dts")).json());
  const unknownResource = await request.get(expand(entry.navigation, { resource: "https://elsewhere.example/read/nothing", down: 1 }));
  expect(unknownResource.status()).toBe(404);
  expect(((await unknownResource.json()) as { error: string }).error).toMatch(/resource .* not found/u);

  const resource = "xu-2023-global-cyberspace-governance";
  const unknownRef = await request.get(expand(entry.document, { resource, ref: "p-00000000" }));
  expect(unknownRef.status()).toBe(404);
  const badRef = await request.get(expand(entry.document, { resource, ref: "p-1/../x" }));
  expect(badRef.status()).toBe(400);
  expect(((await badRef.json()) as { error: string }).error).toMatch(/^ref: not a passage identifier/u);
  const rootOnly = await request.get(expand(entry.navigation, { resource }));
  expect(rootOnly.status()).toBe(400);
});

test("hostile values in every DTS parameter answer below 500", async ({ baseURL }) => {
  const hostile = ["%", "%E4%B8", "%00", "%ED%A0%80", "..", "%2F", "a".repeat(3000), "-1", "99999999999999999999", "1e309", "NaN", "%3Cscript%3E", "%22%27", "%0A", "+"];
  const keys = ["id", "page", "nav", "resource", "ref", "start", "end", "down", "tree", "mediaType"];
  const statuses = new Set<number>();
  for (const path of ["/api/dts", "/api/dts/collection", "/api/dts/navigation", "/api/dts/document"]) {
    for (const key of keys) {
      for (const value of hostile) {
        const resource = path.endsWith("collection") || key === "resource" ? "" : "resource=xu-2023-global-cyberspace-governance&";
        const status = await rawPathStatus(baseURL!, `${path}?${resource}${key}=${value}`);
        expect(status, `${path}?${key}=${value.slice(0, 40)}`).toBeLessThan(500);
        statuses.add(status);
      }
    }
  }
  expect([...statuses].some((status) => status >= 400)).toBe(true);
});
