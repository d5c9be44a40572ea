import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Many rows into one table in ONE statement whose size does not grow with the rows:
 * `insert into "T" (…) select … from unnest($1::text[], $2::int[], …)`, one array parameter per column.
 *
 * Why not `createMany`: Prisma builds a VALUES list with a parameter per cell (a paragraph table of 300
 * rows is 3,000 parameters) in JavaScript and its query compiler: Prisma was a quarter of the CPU profile of
 * a folder ingest of 150 essays (issue 15), and almost nothing of it once the load wrote this way. The
 * statement here is the same text whatever the rows, and PostgreSQL reads each column as one array.
 *
 * Values are written as `createMany` writes them: undefined and null are NULL, except that a column
 * undefined in every row is left out of the statement, so its database default applies (as Prisma leaves
 * out a field no row gives). Every column of the model must be declared with its type (a column added to
 * the schema fails the typecheck here until it is), and the row types are Prisma's own create inputs.
 */

/** How a column's values travel: one PostgreSQL array of this element type, cast to the column's type. */
export type ColumnType =
  | "text"
  | "int"
  | "float8"
  | "boolean"
  /** A JSON value, sent as its text. */
  | "jsonb"
  /** Arrays go as the text of each array (a ragged array cannot be one two-dimensional parameter). */
  | "int[]"
  | "text[]"
  /** One of the schema's enums, by its type name in PostgreSQL. */
  | { enum: "BlockKind" | "FootnoteStatus" | "AttachmentHow" };

/** The tables written in bulk, with the row type Prisma's createMany takes for each. */
export interface BulkTables {
  Heading: Prisma.HeadingCreateManyInput;
  Paragraph: Prisma.ParagraphCreateManyInput;
  Footnote: Prisma.FootnoteCreateManyInput;
  FootnoteMarker: Prisma.FootnoteMarkerCreateManyInput;
  Citation: Prisma.CitationCreateManyInput;
  ConceptMention: Prisma.ConceptMentionCreateManyInput;
  SearchBlock: Prisma.SearchBlockCreateManyInput;
  SearchBlockText: Prisma.SearchBlockTextCreateManyInput;
  PassageFingerprint: Prisma.PassageFingerprintCreateManyInput;
  CitationMatchKey: Prisma.CitationMatchKeyCreateManyInput;
}

export type ColumnTypes<T extends keyof BulkTables> = { [K in keyof Required<BulkTables[T]>]: ColumnType };

/**
 * Inserts the rows; returns how many were inserted. `skipDuplicates` is createMany's: a row whose key is
 * taken already is left out (`on conflict do nothing`).
 */
export async function insertRows<T extends keyof BulkTables>(
  table: T,
  columns: ColumnTypes<T>,
  rows: readonly BulkTables[T][],
  tx: DatabaseTransaction,
  { skipDuplicates = false }: { skipDuplicates?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const sent = (Object.entries(columns) as [keyof BulkTables[T] & string, ColumnType][]).filter(([name]) =>
    rows.some((row) => row[name] !== undefined),
  );
  const names = sent.map(([name]) => quoteIdentifier(name)).join(", ");
  const selected = sent.map(([, type], index) => `t.c${index}${castFromArrayElement(type)}`).join(", ");
  const aliases = sent.map((_, index) => `c${index}`).join(", ");
  const arrays = sent.map(([name, type]) => Prisma.sql`${rows.map((row) => toParameter(row[name], type))}::${Prisma.raw(arrayType(type))}`);
  return tx.$executeRaw`
    insert into ${Prisma.raw(quoteIdentifier(table))} (${Prisma.raw(names)})
    select ${Prisma.raw(selected)} from unnest(${Prisma.join(arrays)}) as t(${Prisma.raw(aliases)})
    ${Prisma.raw(skipDuplicates ? "on conflict do nothing" : "")}`;
}

/** The array parameter's type: the column's own, or text for what is cast after unnest. */
function arrayType(type: ColumnType): string {
  if (typeof type === "object" || type === "jsonb" || type === "int[]" || type === "text[]") return "text[]";
  return `${type}[]`;
}

function castFromArrayElement(type: ColumnType): string {
  if (typeof type === "object") return `::${quoteIdentifier(type.enum)}`;
  if (type === "jsonb" || type === "int[]" || type === "text[]") return `::${type}`;
  return "";
}

function toParameter(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (type === "jsonb") return JSON.stringify(value);
  if (type === "int[]") return arrayLiteral(value as readonly number[], (n) => String(n));
  if (type === "text[]") return arrayLiteral(value as readonly string[], quoteArrayElement);
  return value;
}

function arrayLiteral<V>(values: readonly V[], element: (value: V) => string): string {
  return `{${values.map(element).join(",")}}`;
}

/** An element of an array literal: always quoted (so NULL, braces, commas and spaces are text), `"` and `\` escaped. */
function quoteArrayElement(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** Only names written in this codebase reach here (tables, columns, enums), never corpus text. */
function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return `"${name}"`;
}
