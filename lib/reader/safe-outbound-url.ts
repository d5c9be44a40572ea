/**
 * A cited URL as an outbound href, or null: corpus text is untrusted, so only http(s) URLs become links
 * (never `javascript:` or `data:`), and a URL that does not parse stays plain text.
 */
export function safeOutboundUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    if (parsed.username || parsed.password) return null;
    return parsed.href;
  } catch {
    return null;
  }
}
