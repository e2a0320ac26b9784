// The encodings Octostache's ToBase64, FromBase64 and hash filters accept: utf8 (or utf-8) and unicode (UTF-16LE).

import { TemplateEvaluationError } from "../binding";

export function encodeText(text: string, encoding: "utf8" | "unicode"): Uint8Array {
  if (encoding === "utf8") return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return bytes;
}

export function decodeText(bytes: Uint8Array, encoding: "utf8" | "unicode"): string {
  return new TextDecoder(encoding === "utf8" ? "utf-8" : "utf-16le").decode(bytes);
}

/** The encoding an option names, or undefined for one Octostache does not know. */
export function encodingNamed(name: string): "utf8" | "unicode" | undefined {
  const lower = name.toLowerCase();
  if (lower === "utf8" || lower === "utf-8") return "utf8";
  return lower === "unicode" ? "unicode" : undefined;
}

/** Convert.FromBase64String: whitespace ignored, whole groups of four with correct padding, else it throws. */
export function fromBase64Strict(text: string): Uint8Array {
  const compact = text.replace(/[ \t\r\n]/g, "");
  if (
    compact.length % 4 !== 0 ||
    !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)
  ) {
    throw new TemplateEvaluationError(
      "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.",
    );
  }
  return new Uint8Array(Buffer.from(compact, "base64"));
}
