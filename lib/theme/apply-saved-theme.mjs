// @ts-check
/**
 * The root layout's one inline script: applies the saved or preferred theme before first paint, so dark
 * readers never see a white flash. It is the same on every page, so the Content-Security-Policy allows it
 * by its hash (lib/http/security-headers.mjs, computed from this text by scripts/serve-next.mjs): edit it
 * here and the hash follows. Plain JavaScript, so the web server can load it outside the bundler.
 */
export const APPLY_SAVED_THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("duizhao-theme");if(t!=="light"&&t!=="dark"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}document.documentElement.dataset.theme=t}catch(e){}})()`;
