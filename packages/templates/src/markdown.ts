import { markdownRenderer } from "./filters/markdown-to-html";

let pageRenderer: ReturnType<typeof markdownRenderer> | undefined;

/**
 * Markdown to HTML for a page that shows untrusted text (release notes made of commit messages): the
 * renderer MarkdownToHtml uses, with raw HTML shown as text, images written as links (a page loads
 * nothing from elsewhere), and no `javascript:`, `vbscript:`, `file:` or `data:` links (markdown-it's
 * validateLink).
 */
export function markdownToSafeHtml(markdown: string): string {
  if (pageRenderer === undefined) {
    pageRenderer = markdownRenderer(false);
    const { escapeHtml } = pageRenderer.utils;
    pageRenderer.renderer.rules.image = (tokens, index, options, env, self) => {
      const token = tokens[index]!;
      const text = self.renderInlineAsText(token.children ?? [], options, env);
      return `<a href="${escapeHtml(String(token.attrGet("src") ?? ""))}">${escapeHtml(text || "image")}</a>`;
    };
  }
  return pageRenderer.render(String(markdown ?? ""));
}
