// citation-js 0.8 ships no type declarations; these cover the part of its API this project uses.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string | Record<string, unknown>[];
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: {
      get(name: "@csl"): { styles: Register<string>; locales: Register<string> };
      get(name: "@bibtex"): { format: { asciiOnly: boolean; useIdAsLabel: boolean; checkLabel: boolean } };
      get(name: string): unknown;
    };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
