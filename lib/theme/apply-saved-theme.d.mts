/** Types for apply-saved-theme.mjs (plain JavaScript, also loaded by scripts/serve-next.mjs outside any bundler). */
export declare const APPLY_SAVED_THEME_SCRIPT: string;
