import { z } from "zod";

/**
 * The response shapes of Distributed Text Services 1.0 (https://dtsapi.org/specifications/versions/v1.0/), as
 * zod schemas written from the specification's tables, not from Duizhao's builders: the tests check every
 * answer of app/api/dts against them. Each required property is required here, each type as the table gives it
 * ("URI" absolute or relative, "URI Template" RFC 6570 with balanced braces); optional ones are checked when
 * present. Objects are not strict: the specification allows additional properties on Resources.
 */

const uri = z.string().min(1).refine((value) => !/\s/u.test(value), "a URI has no spaces");
const absoluteUrl = z.url({ protocol: /^https?$/u });
/** RFC 6570: literals and `{…}` expressions with operator and comma-separated variable names, braces balanced. */
const uriTemplate = z
  .string()
  .min(1)
  .regex(/^(?:[^{}\s]|\{[+#./;?&]?[A-Za-z0-9_.%]+(?::[0-9]+|\*)?(?:,[A-Za-z0-9_.%]+(?::[0-9]+|\*)?)*\})+$/u, "not an RFC 6570 URI template");

/** MetadataObject values: a non-localisable literal, a URI, `{lang, value}` objects (BCP 47 lang), or URIs. */
const bcp47 = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u, "lang follows BCP 47");
const metadataValue = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.array(z.object({ lang: bcp47, value: z.string() })),
  z.array(z.string()),
]);
const metadataObject = z.record(z.string(), z.unknown()).superRefine((object, context) => {
  for (const [key, value] of Object.entries(object)) {
    if (key === "@context") continue;
    if (!metadataValue.safeParse(value).success) context.addIssue({ code: "custom", path: [key], message: "not a MetadataObject value" });
  }
});
/** An `extensions` MetadataObject uses other vocabularies than the response's context: it MUST carry its own `@context`. */
const extensionsObject = metadataObject.refine((object) => "@context" in object, "extensions carries its own @context");

export const dtsEntryPointSchema = z.object({
  "@context": z.literal("https://dtsapi.org/context/v1.0.json"),
  "@id": uri,
  "@type": z.literal("EntryPoint"),
  dtsVersion: z.literal("1.0"),
  collection: uriTemplate,
  navigation: uriTemplate,
  document: uriTemplate,
});

type CiteStructure = { "@type"?: "CiteStructure"; citeType: string; citeStructure?: CiteStructure[] };
const citeStructureSchema: z.ZodType<CiteStructure> = z.lazy(() =>
  z.object({ "@type": z.literal("CiteStructure").optional(), citeType: z.string().min(1), citeStructure: z.array(citeStructureSchema).optional() }),
);

export const dtsCitationTreeSchema = z.object({
  identifier: z.string().optional(),
  "@type": z.literal("CitationTree"),
  citeStructure: z.array(citeStructureSchema).optional(),
  description: z.string().optional(),
});

export const dtsPaginationSchema = z.object({
  "@id": uri,
  "@type": z.literal("Pagination"),
  first: uri,
  previous: uri,
  next: uri,
  last: uri,
});

/** Properties of a Collection or Resource object at the Collection endpoint (member or answer). */
const collectionOrResourceFields = {
  "@id": uri,
  title: z.string().min(1),
  totalParents: z.number().int().nonnegative(),
  description: z.string().optional(),
  dublinCore: metadataObject.optional(),
  extensions: extensionsObject.optional(),
  collection: uriTemplate,
  download: z.union([uri, z.array(uri), z.record(z.string(), uri)]).optional(),
  citationTrees: z.array(dtsCitationTreeSchema).optional(),
  view: dtsPaginationSchema.optional(),
};

export const dtsCollectionMemberSchema = z.discriminatedUnion("@type", [
  z.object({ ...collectionOrResourceFields, "@type": z.literal("Collection"), totalChildren: z.number().int().nonnegative() }),
  z.object({
    ...collectionOrResourceFields,
    "@type": z.literal("Resource"),
    totalChildren: z.number().int().nonnegative().optional(),
    navigation: uriTemplate,
    document: uriTemplate,
    mediaTypes: z.array(z.string().min(1)).optional(),
  }),
]);

/** A Collection endpoint answer: a member's shape, plus the response-wide `@context` and `dtsVersion`, and `member`. */
export const dtsCollectionResponseSchema = z.intersection(
  dtsCollectionMemberSchema,
  z.object({
    "@context": z.literal("https://dtsapi.org/context/v1.0.json"),
    dtsVersion: z.literal("1.0"),
    member: z.array(dtsCollectionMemberSchema).optional(),
  }),
);

export const dtsCitableUnitSchema = z.object({
  identifier: z.string().min(1),
  "@type": z.literal("CitableUnit"),
  level: z.number().int().positive(),
  parent: z.string().min(1).nullable(),
  "@id": uri.optional(),
  citeType: z.string().min(1).optional(),
  dublinCore: metadataObject.optional(),
  extensions: extensionsObject.optional(),
});

/** The Navigation object's Resource: the templates and citationTrees are required there. */
export const dtsNavigationResourceSchema = z.object({
  "@id": uri,
  "@type": z.literal("Resource"),
  collection: uriTemplate,
  navigation: uriTemplate,
  document: uriTemplate,
  citationTrees: z
    .array(dtsCitationTreeSchema)
    // "If a Resource has a single CitationTree, that CitationTree object cannot have an identifier"; with several, the first (default) has none.
    .refine((trees) => trees.length === 0 || trees[0]!.identifier === undefined, "the default citation tree has no identifier"),
  mediaTypes: z.array(z.string().min(1)).optional(),
});

export const dtsNavigationSchema = z.object({
  "@context": z.literal("https://dtsapi.org/context/v1.0.json"),
  "@id": absoluteUrl,
  "@type": z.literal("Navigation"),
  dtsVersion: z.literal("1.0"),
  resource: dtsNavigationResourceSchema,
  ref: dtsCitableUnitSchema.optional(),
  start: dtsCitableUnitSchema.optional(),
  end: dtsCitableUnitSchema.optional(),
  member: z.array(dtsCitableUnitSchema).optional(),
  view: dtsPaginationSchema.optional(),
});
