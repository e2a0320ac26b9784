const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that survives JSON, a database and a browser: NULs removed, unpaired UTF-16 surrogates
 * replaced with U+FFFD, trailing whitespace trimmed.
 */
export function cleanText(text: string): string {
  return text.replaceAll("\u0000", "").replace(loneSurrogate, "\uFFFD").trimEnd();
}
