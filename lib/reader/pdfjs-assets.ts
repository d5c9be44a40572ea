/**
 * Which of pdf.js's own files the app serves (app/api/pdfjs), and under which version: the browser's page view
 * loads pdf.js's display build (the npm package's `build/pdf.mjs`) and must run the worker of the same version.
 */
export const PDFJS_VERSION = "5.6.205";

/** The worker (the display build's own), CMaps and standard-font data; every other path is refused. */
const SERVED = [/^build\/pdf\.worker\.min\.mjs$/u, /^cmaps\/[A-Za-z0-9_.-]+\.bcmap$/u, /^standard_fonts\/[A-Za-z0-9_.-]+\.(?:pfb|ttf)$/u];

/** The package-relative file a request names, or null when it is not one the app serves (no `..`, no other folder). */
export function pdfjsAssetFile(segments: readonly string[]): string | null {
  const file = segments.join("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === "..")) return null;
  return SERVED.some((pattern) => pattern.test(file)) ? file : null;
}
