// HashFunction.cs: Md5, Sha1, Sha256, Sha384 and Sha512 as lowercase hex. Options, in either order: an
// encoding of the input (utf8, utf-8, unicode or base64) and a digest size in bytes (> 0, cut to the hash's size).

import { createHash } from "node:crypto";
import { parseDotNetInt32 } from "../dotnet-number";
import { encodeText, encodingNamed } from "./text-encoding";

type Encoder = (input: string) => Uint8Array | undefined;

function encoderNamed(name: string): Encoder | undefined {
  if (name.toLowerCase() === "base64") {
    return (input) => {
      const compact = input.replace(/[ \t\r\n]/g, "");
      const valid =
        compact.length % 4 === 0 && /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact);
      return valid ? new Uint8Array(Buffer.from(compact, "base64")) : undefined;
    };
  }
  const encoding = encodingNamed(name);
  return encoding === undefined ? undefined : (input) => encodeText(input, encoding);
}

/** HashOptions: undefined where the options are invalid. */
function hashOptions(options: readonly string[]): { encode: Encoder; size: number | undefined } | undefined {
  const utf8: Encoder = (input) => encodeText(input, "utf8");
  if (options.length === 0) return { encode: utf8, size: undefined };
  if (options.length > 2) return undefined;
  const [first = "", second] = options;
  const firstSize = parseDotNetInt32(first);
  if (firstSize !== undefined && firstSize > 0) {
    if (second === undefined) return { encode: utf8, size: firstSize };
    const encode = encoderNamed(second);
    return encode === undefined ? undefined : { encode, size: firstSize };
  }
  const encode = encoderNamed(first);
  if (encode === undefined) return undefined;
  if (second === undefined) return { encode, size: undefined };
  const size = parseDotNetInt32(second);
  return size !== undefined && size > 0 ? { encode, size } : undefined;
}

function hashFunction(algorithm: string) {
  return (argument: string | null, options: readonly string[]): string | null => {
    if (argument === null) return null;
    const parsed = hashOptions(options);
    const bytes = parsed?.encode(argument);
    if (parsed === undefined || bytes === undefined) return null;
    const digest = createHash(algorithm).update(bytes).digest();
    return digest.subarray(0, Math.min(parsed.size ?? digest.length, digest.length)).toString("hex");
  };
}

export const md5 = hashFunction("md5");
export const sha1 = hashFunction("sha1");
export const sha256 = hashFunction("sha256");
export const sha384 = hashFunction("sha384");
export const sha512 = hashFunction("sha512");
