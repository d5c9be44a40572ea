/** How many mentions in scope one document holds. */
export interface MentionsOfDocument {
  documentId: string;
  mentions: number;
}

/**
 * The documents a concordance page in corpus order falls in, and where the page begins among the first
 * one's mentions, from every document's number of mentions in corpus order (ascending; read backwards for a
 * descending page). The database then places only those documents' mentions, not every mention of the concept.
 */
export function documentsOfPage(
  perDocument: readonly MentionsOfDocument[],
  request: { order: "asc" | "desc"; page: number; pageSize: number },
): { documentIds: string[]; offset: number } {
  const ordered = request.order === "desc" ? [...perDocument].reverse() : perDocument;
  let skip = (request.page - 1) * request.pageSize;
  let wanted = request.pageSize;
  let offset = 0;
  const documentIds: string[] = [];
  for (const document of ordered) {
    if (wanted <= 0) break;
    if (skip >= document.mentions) {
      skip -= document.mentions;
      continue;
    }
    if (documentIds.length === 0) offset = skip;
    documentIds.push(document.documentId);
    wanted -= document.mentions - skip;
    skip = 0;
  }
  return { documentIds, offset };
}
