import { markdownRenderer } from "./filters/markdown-to-html";

let pageRenderer: ReturnType<typeof markdownRenderer> | undefined;

/**
 * Markdown to HTML for a page that shows untrusted text (release notes made of commit messages): the
 * renderer MarkdownToHtml uses, with raw HTML shown as text, images written as links (a page loads
 * nothing from elsewhere), and links (and images) only to absolute `http(s)` URLs: any other (`javascript:`,
 * `//host`, `smb:`, `ms-msdt:`, a path into the page's own server) stays the text it was written as.
 */
export function markdownToSafeHtml(markdown: string): string {
  if (pageRenderer === undefined) {
    pageRenderer = markdownRenderer(false);
    pageRenderer.validateLink = (url) => /^https?:\/\//i.test(url.trim());
    const { escapeHtml } = pageRenderer.utils;
    pageRenderer.renderer.rules.image = (tokens, index, options, env, self) => {
      const token = tokens[index]!;
      const text = self.renderInlineAsText(token.children ?? [], options, env);
      return `<a href="${escapeHtml(String(token.attrGet("src") ?? ""))}">${escapeHtml(text || "image")}</a>`;
    };
  }
  return pageRenderer.render(String(markdown ?? ""));
}
