/**
 * A link out of Duizhao to a cited page. Only http(s) URLs become links (a note's "URL" could be anything
 * the extraction produced); the new page gets no handle on this one and no referrer.
 */
export function OutboundLink({ url, className }: { url: string; className?: string }) {
  let safe: URL | null = null;
  try {
    safe = new URL(url);
  } catch {
    safe = null;
  }
  if (!safe || (safe.protocol !== "http:" && safe.protocol !== "https:")) {
    return <span className={`break-all ${className ?? ""}`}>{url}</span>;
  }
  return (
    <a
      href={safe.toString()}
      target="_blank"
      rel="noopener noreferrer"
      className={`break-all underline decoration-rule underline-offset-2 hover:text-accent dark:decoration-night-rule dark:hover:text-night-accent ${className ?? ""}`}
    >
      {url}
      <span className="sr-only"> (opens an outside site in a new tab)</span>
    </a>
  );
}
