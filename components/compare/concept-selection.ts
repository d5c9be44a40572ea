/** The concepts highlighted: those asked for that the picker knows, each once, in the order picked, at most `max`. */
export function activeConcepts(requested: readonly string[], known: ReadonlySet<string>, max: number): string[] {
  return [...new Set(requested)].filter((id) => known.has(id)).slice(0, max);
}

/** The highlighted concepts once `id` is picked (added last) or dropped; a pick beyond `max` is cut. */
export function toggledConcepts(active: readonly string[], id: string, max: number): string[] {
  return active.includes(id) ? active.filter((c) => c !== id) : [...active, id].slice(0, max);
}
