// OctopusDeploy/AzureDevOpsIssueTracker source/Server/WorkItems/HtmlConvert.cs: Azure DevOps comments are
// HTML; Octopus reads them as text before looking for the release-note prefix.
// docs/reference/octopus-work-items.md#azure-devops-comments

const newlineElements = new Set(
  "br address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section table ul".split(
    " ",
  ),
);
// Elements HtmlAgilityPack never gives children.
const voidElements = new Set(
  "area base basefont br col embed frame hr img input isindex link meta param source wbr".split(" "),
);
const namedEntities: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  nbsp: "\u00a0",
};
const token =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\/([A-Za-z][\w:-]*)[^>]*>|<([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

interface Element {
  name: string;
  children: (Element | string)[];
}

/**
 * `HtmlConvert.ToPlainText`: text with its entities decoded, a line break before and after each block
 * element (two around `p`), and tags dropped. Lines end in `\n`.
 */
export function htmlToPlainText(html: string): string {
  const root: Element = { name: "#document", children: [] };
  const open: Element[] = [root];
  for (const [text, endName, startName, attributes] of html.matchAll(token)) {
    const parent = open.at(-1)!;
    if (startName !== undefined) {
      const element: Element = { name: startName.toLowerCase(), children: [] };
      parent.children.push(element);
      if (!voidElements.has(element.name) && !attributes!.trimEnd().endsWith("/")) open.push(element);
    } else if (endName !== undefined) {
      const depth = open.findLastIndex((element) => element.name === endName.toLowerCase());
      if (depth > 0) open.length = depth;
    } else if (!text.startsWith("<!")) {
      parent.children.push(text);
    }
  }
  return plainText(root);
}

function plainText(node: Element | string): string {
  if (typeof node === "string") return deEntitize(node);
  const breaks = newlineElements.has(node.name) ? (node.name === "p" ? "\n\n" : "\n") : "";
  if (node.children.length === 0) return breaks;
  return `${breaks}${node.children.map(plainText).join("")}${breaks}`;
}

/** `HtmlEntity.DeEntitize`: `&#N;`, `&#xH;` and named entities (the common ones) become characters. */
function deEntitize(text: string): string {
  return text.replace(/&(#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (entity, body: string) => {
    if (body.startsWith("#")) {
      const code = /^#[xX]/.test(body)
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[body] ?? entity;
  });
}
