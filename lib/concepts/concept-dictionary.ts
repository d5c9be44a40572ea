import { z } from "zod";
import { CONCEPT_ID_FORMAT, CONCEPT_ID_MAX_LENGTH } from "@/lib/urls/url-grammar";
import { matchKey } from "./fold-for-matching";

/**
 * The curated concept dictionary (`corpus/concepts.json`): what a mention is a mention of.
 * The schema checks more than shapes because a dictionary that is wrong in its links or that lets two
 * concepts claim the same wording silently corrupts every count downstream.
 */

const idSchema = z
  .string()
  .max(CONCEPT_ID_MAX_LENGTH)
  .regex(CONCEPT_ID_FORMAT, "ids are kebab-case: lower-case letters, digits and single hyphens");

const labelSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

/** A wording must keep something after folding, or it would match everywhere. */
const wordingSchema = z.string().refine((s) => matchKey(s).length > 0, "a wording must contain more than spaces and quotation marks");

const corpusSourceSchema = z.strictObject({
  kind: z.literal("corpus"),
  /** File name in `corpus/`, e.g. "000_1322acf3015bdc34.txt". */
  documentFile: z.string().regex(/^[^/\\]+\.txt$/, "documentFile is a file name in corpus/, e.g. 000_….txt"),
  /** Verbatim from the document's normalised text (whitespace aside). */
  quote: z.string().trim().min(4),
});

const outsideSourceSchema = z.strictObject({
  kind: z.literal("outside"),
  citation: z.string().trim().min(10),
});

const definitionSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
  source: z.discriminatedUnion("kind", [corpusSourceSchema, outsideSourceSchema]),
});

const memberSchema = z.strictObject({
  /** Unique across all concepts and members; derived as `<compound>-item-<n>` when omitted. */
  id: idSchema.optional(),
  label: labelSchema,
  variants: z.array(wordingSchema).min(1),
  /** True when the item's wording alone names the item; false: it counts only inside an enumeration. */
  alone: z.boolean().default(false),
});

const conceptSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  variants: z.array(wordingSchema),
  /** Longer wordings that contain a variant but are not mentions (多方面 for 多方). */
  excludes: z.array(wordingSchema).default([]),
  /** Variants this concept deliberately shares with another concept (both must list them). */
  sharedVariants: z.array(wordingSchema).default([]),
  definition: definitionSchema,
  broader: z.array(idSchema),
  narrower: z.array(idSchema),
  related: z.array(idSchema),
  members: z.array(memberSchema).optional(),
});

const aboutSchema = z.record(z.string(), z.string().trim().min(1)).refine((about) => Object.keys(about).length > 0, "about must say how concepts were chosen and how to add one");

type RawDictionary = z.infer<typeof rawDictionarySchema>;
const rawDictionarySchema = z.strictObject({
  about: aboutSchema,
  concepts: z.array(conceptSchema).min(1),
});

function derivedMemberId(compoundId: string, index: number): string {
  return `${compoundId}-item-${index + 1}`;
}

function checkIntegrity(dictionary: RawDictionary, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const byId = new Map<string, RawDictionary["concepts"][number]>();
  const allIds = new Map<string, string>();

  dictionary.concepts.forEach((concept, i) => {
    if (byId.has(concept.id)) issue(["concepts", i, "id"], `duplicate concept id "${concept.id}"`);
    byId.set(concept.id, concept);
    allIds.set(concept.id, `concept "${concept.id}"`);
  });
  dictionary.concepts.forEach((concept, i) => {
    concept.members?.forEach((member, j) => {
      const id = member.id ?? derivedMemberId(concept.id, j);
      const taken = allIds.get(id);
      if (taken !== undefined) issue(["concepts", i, "members", j, "id"], `member id "${id}" of "${concept.id}" is already used by ${taken}`);
      allIds.set(id, `member ${j + 1} of "${concept.id}"`);
    });
  });

  // Links: every id exists, is not the concept itself, and is answered from the other side.
  dictionary.concepts.forEach((concept, i) => {
    const linkKinds = [
      ["broader", "narrower"],
      ["narrower", "broader"],
      ["related", "related"],
    ] as const;
    for (const [kind, inverse] of linkKinds) {
      concept[kind].forEach((target, k) => {
        const other = byId.get(target);
        if (target === concept.id) issue(["concepts", i, kind, k], `"${concept.id}" lists itself under ${kind}`);
        else if (other === undefined) issue(["concepts", i, kind, k], `"${concept.id}" lists unknown concept "${target}" under ${kind}`);
        else if (!other[inverse].includes(concept.id))
          issue(["concepts", i, kind, k], `"${concept.id}" lists "${target}" under ${kind}, but "${target}" does not list "${concept.id}" under ${inverse}`);
      });
      if (new Set(concept[kind]).size !== concept[kind].length) issue(["concepts", i, kind], `"${concept.id}" repeats an id under ${kind}`);
    }
    if (concept.variants.length === 0 && (concept.members?.length ?? 0) < 2)
      issue(["concepts", i, "variants"], `"${concept.id}" has no variants: a concept needs a wording, or at least two members to be enumerated`);
    if (concept.members !== undefined && concept.members.length < 2)
      issue(["concepts", i, "members"], `"${concept.id}" is a compound with fewer than two members`);
  });

  // No cycles through broader: a concept cannot be (indirectly) a kind of itself.
  const state = new Map<string, "open" | "done">();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "open") {
      issue(["concepts"], `broader links form a cycle: ${[...trail, id].join(" → ")}`);
      return;
    }
    state.set(id, "open");
    for (const parent of byId.get(id)?.broader ?? []) if (byId.has(parent)) visit(parent, [...trail, id]);
    state.set(id, "done");
  };
  for (const id of byId.keys()) visit(id, []);

  // Wordings: a variant belongs to one concept unless both sides declare it shared.
  const owners = new Map<string, { conceptId: string; shared: boolean }[]>();
  dictionary.concepts.forEach((concept, i) => {
    const sharedKeys = new Set(concept.sharedVariants.map(matchKey));
    const ownKeys = new Set<string>();
    concept.variants.forEach((variant, k) => {
      const key = matchKey(variant);
      if (ownKeys.has(key)) issue(["concepts", i, "variants", k], `"${concept.id}" lists the wording "${variant}" twice`);
      ownKeys.add(key);
      owners.set(key, [...(owners.get(key) ?? []), { conceptId: concept.id, shared: sharedKeys.has(key) }]);
    });
    concept.sharedVariants.forEach((variant, k) => {
      if (!ownKeys.has(matchKey(variant))) issue(["concepts", i, "sharedVariants", k], `"${concept.id}" shares "${variant}", which is not one of its variants`);
    });
    concept.excludes.forEach((exclude, k) => {
      const key = matchKey(exclude);
      const containsVariant = [...ownKeys].some((variant) => key.includes(variant) && key !== variant);
      if (!containsVariant) issue(["concepts", i, "excludes", k], `"${concept.id}" excludes "${exclude}", which does not contain (and is longer than) any of its variants`);
    });
    const memberKeys = new Map<string, number>();
    concept.members?.forEach((member, j) => {
      member.variants.forEach((variant, k) => {
        const key = matchKey(variant);
        const seen = memberKeys.get(key);
        if (seen !== undefined) issue(["concepts", i, "members", j, "variants", k], `"${concept.id}": members ${seen + 1} and ${j + 1} both use the wording "${variant}"`);
        memberKeys.set(key, j);
      });
    });
  });
  const variantPaths = new Map<string, (string | number)[]>();
  dictionary.concepts.forEach((concept, i) => concept.variants.forEach((v, k) => variantPaths.set(`${concept.id}\u0000${matchKey(v)}`, ["concepts", i, "variants", k])));
  for (const [key, list] of owners) {
    if (list.length < 2) continue;
    const names = list.map((o) => `"${o.conceptId}"`).join(", ");
    for (const owner of list)
      if (!owner.shared)
        issue(variantPaths.get(`${owner.conceptId}\u0000${key}`) ?? ["concepts"], `the wording "${key}" is a variant of ${names}; list it under sharedVariants in each of them if the overlap is meant`);
  }
}

export const conceptDictionarySchema = rawDictionarySchema.superRefine(checkIntegrity).transform((dictionary) => ({
  about: dictionary.about,
  concepts: dictionary.concepts.map((concept) => ({
    ...concept,
    members: concept.members?.map((member, j) => ({ ...member, id: member.id ?? derivedMemberId(concept.id, j) })),
  })),
}));

export type ConceptDictionary = z.output<typeof conceptDictionarySchema>;
export type Concept = ConceptDictionary["concepts"][number];
export type ConceptMember = NonNullable<Concept["members"]>[number];
export type ConceptDictionaryInput = z.input<typeof conceptDictionarySchema>;

export class ConceptDictionaryError extends Error {
  constructor(readonly issues: string[]) {
    super(`concept dictionary is invalid:\n${issues.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ConceptDictionaryError";
  }
}

/** Validates a parsed JSON value; throws ConceptDictionaryError listing every problem with its path. */
export function parseConceptDictionary(json: unknown): ConceptDictionary {
  const result = conceptDictionarySchema.safeParse(json);
  if (result.success) return result.data;
  throw new ConceptDictionaryError(
    result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`),
  );
}

/**
 * The ids a mention may carry, with what they name: concepts, and member items (which are not concepts
 * but are mentioned in their own right). The loader needs this to store mentions of members.
 */
export function mentionableEntries(dictionary: ConceptDictionary): { id: string; label: { zh: string; en: string }; memberOf: string | null }[] {
  return dictionary.concepts.flatMap((concept) => [
    { id: concept.id, label: concept.label, memberOf: null },
    ...(concept.members ?? []).map((member) => ({ id: member.id, label: member.label, memberOf: concept.id })),
  ]);
}

/** The concept and everything below it through narrower links: for views that roll mentions up. */
export function conceptAndNarrower(dictionary: ConceptDictionary, id: string): string[] {
  const byId = new Map(dictionary.concepts.map((c) => [c.id, c]));
  const found: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (found.includes(next) || !byId.has(next)) continue;
    found.push(next);
    queue.push(...(byId.get(next)?.narrower ?? []));
  }
  return found;
}

/**
 * Corpus definitions must quote the essay verbatim; whitespace is ignored because line joining is the
 * normaliser's business, not the dictionary's. Returns one message per quote not found.
 */
export function findUnverifiedQuotes(dictionary: ConceptDictionary, normalisedTextByFile: ReadonlyMap<string, string>): string[] {
  const squash = (s: string) => s.replace(/\s+/gu, "");
  const squashed = new Map([...normalisedTextByFile].map(([file, text]) => [file, squash(text)]));
  const problems: string[] = [];
  for (const concept of dictionary.concepts) {
    const source = concept.definition.source;
    if (source.kind !== "corpus") continue;
    const text = squashed.get(source.documentFile);
    if (text === undefined) problems.push(`${concept.id}: no text given for ${source.documentFile}`);
    else if (!text.includes(squash(source.quote))) problems.push(`${concept.id}: quote not found in ${source.documentFile}: "${source.quote}"`);
  }
  return problems;
}
