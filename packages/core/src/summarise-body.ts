import { redactSecrets } from "./redact";

/** How much of a body is looked at for a summary: enough for an error page's title and first words. */
const summarisedBytes = 4096;

/**
 * An unexpected answer's body for a message: the page title of an HTML body, otherwise its first 160
 * characters of text, quoted, on one line without control characters; "" for an empty body. Only the
 * first 4 KB are read, in one linear pass (no regex that could backtrack over a hostile body).
 * `secrets` (the request's credentials) and anything that looks like one are masked first, in twice
 * that much, so a secret crossing the cut cannot leave a readable prefix: an error page may echo them.
 */
export function summariseBody(text: string, secrets: readonly string[] = []): string {
  const head = redactSecrets(text.slice(0, 2 * summarisedBytes), secrets).slice(0, summarisedBytes);
  const lower = head.toLowerCase();
  const titleStart = lower.indexOf("<title");
  const titleOpenEnd = titleStart < 0 ? -1 : lower.indexOf(">", titleStart);
  const titleEnd = titleOpenEnd < 0 ? -1 : lower.indexOf("</title", titleOpenEnd);
  const title = titleEnd < 0 ? "" : oneLine(head.slice(titleOpenEnd + 1, titleEnd));
  const flat = title || oneLine(withoutTags(head));
  return flat.length > 160 ? `"${flat.slice(0, 157)}..."` : flat && `"${flat}"`;
}

function withoutTags(text: string): string {
  let result = "";
  let inTag = false;
  for (const char of text) {
    if (char === "<") inTag = true;
    else if (char === ">" && inTag) {
      inTag = false;
      result += " ";
    } else if (!inTag) result += char;
  }
  return result;
}

function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
