// TextEscapeFunctions.MarkdownToHtml (also `Markdown`): Markdig with pipe tables, the emphasis extras and
// autolinks, on the trimmed text, plus a line break. markdown-it stands in for Markdig
// (docs/reference/octostache.md#markdown lists where their HTML differs).

import MarkdownIt from "markdown-it";

type Renderer = InstanceType<typeof MarkdownIt>;

import insert from "markdown-it-ins";
import mark from "markdown-it-mark";
import subscript from "markdown-it-sub";
import superscript from "markdown-it-sup";
import { trimDotNet } from "../parser-combinators";
import type { FilterContext } from "./filter-context";

export function markdownRenderer(rawHtml: boolean): Renderer {
  const md = new MarkdownIt({ html: rawHtml, linkify: true })
    .use(subscript)
    .use(superscript)
    .use(insert)
    .use(mark);
  // Markdig writes strikethrough as <del>; markdown-it as <s>.
  md.renderer.rules.s_open = () => "<del>";
  md.renderer.rules.s_close = () => "</del>";
  // Markdig's autolinks know http://, https://, ftp:// and mailto:, not protocol-relative //host links.
  md.linkify.add("//", null);
  return md;
}

const renderers = new Map<FilterContext["markdownRawHtml"], Renderer>();

export function markdownToHtml(
  argument: string | null,
  options: readonly string[],
  context: FilterContext,
): string | null {
  if (argument === null || options.length > 0) return null;
  let md = renderers.get(context.markdownRawHtml);
  if (md === undefined) {
    md = markdownRenderer(context.markdownRawHtml === "pass");
    renderers.set(context.markdownRawHtml, md);
  }
  return `${md.render(trimDotNet(argument))}\n`;
}
