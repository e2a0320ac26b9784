/** Text as HTML text or a quoted attribute value: `& < > " '` escaped, so no value can open a tag or leave its attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * A link to an http(s) URL, or the URL as text when it is anything else (`javascript:`, a relative path):
 * untrusted links never run script and never point into the page's own origin.
 */
export function linkHtml(url: string | null | undefined, text: string): string {
  if (url === undefined || url === null || url === "") return escapeHtml(text);
  if (!/^https?:\/\//i.test(url)) return `${escapeHtml(text)} (${escapeHtml(url)})`;
  return `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(text)}</a>`;
}
