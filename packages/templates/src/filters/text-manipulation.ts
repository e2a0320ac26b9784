// TextManipulationFunction.cs: ToBase64, FromBase64, Append, Prepend, Truncate, Trim and Indent.

import { parseDotNetInt32 } from "../dotnet-number";
import { isWhiteSpace, trimDotNet } from "../parser-combinators";
import { decodeText, encodeText, encodingNamed, fromBase64Strict } from "./text-encoding";

export function toBase64(argument: string | null, options: readonly string[]): string | null {
  if (options.length > 1 || argument === null) return null;
  const encoding = encodingNamed(options[0] ?? "utf8");
  return encoding === undefined ? null : Buffer.from(encodeText(argument, encoding)).toString("base64");
}

/** FromBase64: invalid Base64 makes Octostache throw (Convert.FromBase64String), before the encoding is checked. */
export function fromBase64(argument: string | null, options: readonly string[]): string | null {
  if (options.length > 1 || argument === null) return null;
  const bytes = fromBase64Strict(argument);
  const encoding = encodingNamed(options[0] ?? "utf8");
  return encoding === undefined ? null : decodeText(bytes, encoding);
}

export function append(argument: string | null, options: readonly string[]): string | null {
  if (options.length === 0) return null;
  return (argument ?? "") + options.join("");
}

export function prepend(argument: string | null, options: readonly string[]): string | null {
  if (options.length === 0) return null;
  return options.join("") + (argument ?? "");
}

/** Truncate LENGTH [SUFFIX]: the suffix (default "...") is added only when something was cut. */
export function truncate(argument: string | null, options: readonly string[]): string | null {
  const length = options[0] === undefined ? undefined : parseDotNetInt32(options[0]);
  if (argument === null || length === undefined || length < 0) return null;
  const suffix = options.length > 1 ? (options[1] as string) : "...";
  return length < argument.length ? argument.slice(0, length) + suffix : argument;
}

export function trim(argument: string | null, options: readonly string[]): string | null {
  if (argument === null) return null;
  if (options.length === 0) return trimDotNet(argument);
  switch ((options[0] as string).toLowerCase()) {
    case "start": {
      let start = 0;
      while (start < argument.length && isWhiteSpace(argument[start] as string)) start++;
      return argument.slice(start);
    }
    case "end": {
      let end = argument.length;
      while (end > 0 && isWhiteSpace(argument[end - 1] as string)) end--;
      return argument.slice(0, end);
    }
    default:
      return null;
  }
}

/** IndentOptions: none is four spaces; `N`, `I/S` or `/S` are sizes up to 255; other text is the indent itself. */
function indentOptions(options: readonly string[]): { initial: string; subsequent: string } | undefined {
  if (options.length === 0) return { initial: "    ", subsequent: "    " };
  if (options.length === 2) return { initial: options[0] as string, subsequent: options[1] as string };
  if (options.length > 2) return undefined;
  const option = options[0] as string;
  const sizes = /^(?:(\d{1,3})?\/)?(\d{1,3})$/.exec(option);
  const spaces = (digits: string) => (Number(digits) <= 255 ? " ".repeat(Number(digits)) : undefined);
  if (sizes !== null) {
    const [, initial, subsequent = ""] = sizes;
    const separator = option.includes("/");
    const subsequentIndent = spaces(subsequent);
    if (separator && initial !== undefined) {
      const initialIndent = spaces(initial);
      if (initialIndent !== undefined && subsequentIndent !== undefined)
        return { initial: initialIndent, subsequent: subsequentIndent };
    } else if (subsequentIndent !== undefined) {
      return { initial: separator ? "" : subsequentIndent, subsequent: subsequentIndent };
    }
  }
  return { initial: option, subsequent: option };
}

export function indent(argument: string | null, options: readonly string[]): string | null {
  if (argument === null) return null;
  if (argument.length === 0) return "";
  const indentation = indentOptions(options);
  if (indentation === undefined) return null;
  return indentation.initial + argument.replaceAll("\n", `\n${indentation.subsequent}`);
}
