/** A heading's enumerator as printed before its text: "一" reads "一、", "（一）" and "1." stand as they are. */
export function headingLabel(label: string): string {
  if (label === "") return "";
  return /^[一二三四五六七八九十百]+$/u.test(label) ? `${label}、` : `${label} `;
}
