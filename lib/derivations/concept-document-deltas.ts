/**
 * How one document's change moves each concept's document total (Concept.documents): +1 for a concept it
 * mentions now and did not before, -1 for one it mentioned and no longer does, nothing for the rest. The
 * concepts are those of its stored counts (a member item's mentions count for its compound). Adding is
 * "before" empty, removing is "after" empty; a concept listed twice counts once, as a document counts once.
 * Only concepts whose total changes are returned, in a fixed order (ids sorted) so writes are repeatable.
 */
export function conceptDocumentDeltas(before: readonly string[], after: readonly string[]): { conceptId: string; delta: number }[] {
  const had = new Set(before);
  const has = new Set(after);
  const deltas: { conceptId: string; delta: number }[] = [];
  for (const conceptId of [...new Set([...had, ...has])].sort()) {
    const delta = (has.has(conceptId) ? 1 : 0) - (had.has(conceptId) ? 1 : 0);
    if (delta !== 0) deltas.push({ conceptId, delta });
  }
  return deltas;
}
