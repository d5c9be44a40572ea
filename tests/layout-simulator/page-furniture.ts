import type { LayoutParameters } from "./layout-parameters";
import type { TruthDebris } from "./layout-truth";

/**
 * Running heads and folios as extraction prints them: alone on a line or run together with the running
 * head (`６７ 欧洲研究　 ２０２３ 年第 ６ 期`), in ASCII or full-width digits, and sometimes with the digits
 * of the page number reversed, as some extractors print them.
 */

export const JOURNAL_HEAD = { journal: "区域治理评论", year: 2023, issue: 6 };

function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

export function runningHeadText(params: LayoutParameters, title: string): string | null {
  if (params.runningHead === "none") return null;
  if (params.runningHead === "title") return title;
  const { journal, year, issue } = JOURNAL_HEAD;
  return params.glyphArtefacts ? `${journal}\u3000 ${toFullWidth(String(year))} 年第 ${toFullWidth(String(issue))} 期\u3000` : `${journal}\u3000${year}年第${issue}期`;
}

export function folioText(params: LayoutParameters, pageIndex: number, random: () => number): string {
  let digits = String(params.firstFolio + pageIndex);
  if (digits.length > 1 && random() < params.pReversedFolio) digits = Array.from(digits).reverse().join("");
  return params.fullWidthFolio ? toFullWidth(digits) : digits;
}

/** The furniture lines of one page, and what each is. */
export function furnitureLines(params: LayoutParameters, pageIndex: number, title: string, random: () => number): { lines: string[]; debris: TruthDebris[] } {
  const folio = folioText(params, pageIndex, random);
  const head = runningHeadText(params, title);
  if (head === null) return { lines: [folio], debris: [{ kind: "folio", text: folio }] };
  const debris: TruthDebris[] = [
    { kind: "running-head", text: head.trim() },
    { kind: "folio", text: folio },
  ];
  const shape = Math.floor(random() * 4);
  const lines = shape === 0 ? [`${folio} ${head}`] : shape === 1 ? [`${head} ${folio}`] : shape === 2 ? [head, folio] : [folio, head];
  return { lines, debris };
}
