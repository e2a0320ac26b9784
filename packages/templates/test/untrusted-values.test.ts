// Commit messages and other build information are untrusted: what the escaping filters make of them, and
// what MarkdownToHtml passes through as Octostache's Markdig does (docs/reference/octostache.md#markdown).

import { describe, expect, it } from "vitest";
import { markdownToSafeHtml, renderTemplate } from "../src/index";

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'`;
const commits = JSON.stringify([{ CommitId: "abc", Comment: hostile }]);

describe("untrusted values", () => {
  it("are escaped by HtmlEscape, XmlEscape and JsonEscape", () => {
    const html = renderTemplate("#{each c in Commits}#{c.Comment | HtmlEscape}#{/each}", {
      Commits: commits,
    }).output;
    expect(html).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &apos;quotes&apos;",
    );
    expect(renderTemplate("#{v | XmlEscape}", { v: hostile }).output).not.toMatch(/[<>]/);
    expect(renderTemplate('{"m":"#{v | JsonEscape}"}', { v: 'a"b\\c\n' }).output).toBe(
      '{"m":"a\\"b\\\\c\\n"}',
    );
  });

  it("keep raw HTML through MarkdownToHtml by default, as Markdig does, and lose it with markdownRawHtml: escape", () => {
    const faithful = renderTemplate("#{v | MarkdownToHtml}", { v: `**bold** ${hostile}` }).output;
    expect(faithful).toContain("<strong>bold</strong>");
    expect(faithful).toContain("<script>alert(&quot;x&quot;)</script>");
    const escaped = renderTemplate(
      "#{v | MarkdownToHtml}",
      { v: `**bold** ${hostile}` },
      { markdownRawHtml: "escape" },
    );
    expect(escaped.output).toContain("<strong>bold</strong>");
    expect(escaped.output).not.toMatch(/<script|<img/);
    expect(escaped.output).toContain("&lt;script&gt;");
  });

  it("are evaluated as templates themselves, as Octostache evaluates every value, within the limits", () => {
    const message = JSON.stringify([{ Comment: "ships #{Octopus.Project.Name} #{Octopus.Missing}" }]);
    const result = renderTemplate("#{each c in Commits}#{c.Comment}#{/each}", {
      Commits: message,
      "Octopus.Project.Name": "Shop",
    });
    expect(result.output).toBe("ships Shop #{Octopus.Missing}");
    // Reported where the list is read (it is a value with `#{` in it) and where the comment is written.
    expect(result.diagnostics.map((d) => [d.code, d.expression, d.offset])).toEqual([
      ["unresolved", "#{Octopus.Missing}", 0],
      ["unresolved", "#{Octopus.Missing}", 20],
    ]);
  });

  it("that loop back on themselves stop the render with a diagnostic, not an exception", () => {
    const result = renderTemplate("#{Notes}", { Notes: "#{Notes}" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["recursive-definition"]);
  });

  it("stay text in markdownToSafeHtml, which shows raw HTML as text, images as links and links only http(s)", () => {
    const html = markdownToSafeHtml(
      `**bold** ${hostile}\n\n![logo](https://evil.example/pixel.png) [click](javascript:alert(1))`,
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="https://evil.example/pixel.png">logo</a>');
    expect(html).toContain("[click](javascript:alert(1))");
    for (const url of [
      "//evil.example/x",
      "smb://evil/share",
      "ms-msdt:/id",
      "/api/Spaces-1/projects",
      "data:text/html,x",
    ]) {
      const link = markdownToSafeHtml(`[a](${url}) ![b](${url}) <${url}>`);
      expect(link, url).not.toContain("href=");
    }
    expect(markdownToSafeHtml("[a](HTTP://ok.example/x)")).toContain('href="HTTP://ok.example/x"');
  });
});
