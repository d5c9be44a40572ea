"use client";

/** A concept the search can be narrowed to: its id, its Chinese label and its English one. */
export type ConceptOption = readonly [id: string, labelZh: string, labelEn: string];

/**
 * The concept filter's select. A client component given its options as data: as elements of the server's tree,
 * each option went into the RSC payload as a row of its own naming its id twice (key and value) and its label
 * in three parts (about 140 bytes an option, 7 KiB for the 52 concepts a large corpus mentions, against 3 on
 * the 2 essays); given as data, an option costs its id and labels once. One text per option: three would be
 * written with comment separators between them.
 */
export function ConceptSelect({ name, value, className, options }: { name: string; value: string; className: string; options: readonly ConceptOption[] }) {
  return (
    <select name={name} defaultValue={value} className={className}>
      <option value="">Any concept</option>
      {options.map(([id, labelZh, labelEn]) => (
        <option key={id} value={id}>
          {`${labelZh} · ${labelEn}`}
        </option>
      ))}
    </select>
  );
}
