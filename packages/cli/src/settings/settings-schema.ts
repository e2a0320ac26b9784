import { BuildInfoError, didYouMean, shortened } from "@buildinfo/core";
import * as z from "zod/mini";
import { dashed, type OptionDefinition } from "./option-table";

/** A value the command line or the environment gave, before the schema, and where it came from. */
export interface RawValue {
  value: string | string[] | boolean;
  /** The spelling typed (`--apiKey`, `-p`) or the variable (`OCTOPUS_URL`). */
  source: string;
}

/** The longest duration a flag may give: 24 hours, well inside Node's timer limit of 2^31-1 ms. */
const maxDurationMs = 86_400_000;

/** Why a value was refused: each issue's message is one of these, worded by `valueError`. */
type Refusal = "empty" | "integer" | "duration" | "choice";

const refuse = (reason: Refusal) => ({ error: reason });

/** Every value that needs one refuses an empty one (`--space ''` must not mean the default space). */
const text = () => z.string().check(z.refine((value) => value.trim() !== "", refuse("empty")));

function integer(bounds: { min: number; max: number }) {
  return z.pipe(
    text(),
    z.transform((raw, context) => {
      const value = Number(raw);
      if (/^\d+$/.test(raw.trim()) && value >= bounds.min && value <= bounds.max) return value;
      context.issues.push({ code: "custom", message: "integer", input: raw });
      return z.NEVER;
    }),
  );
}

/** Seconds like octo (`600`), or with a unit (`500ms`, `30s`, `2m`), from 1 ms to 24 h: milliseconds. */
const duration = () =>
  z.pipe(
    text(),
    z.transform((raw, context) => {
      const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(raw);
      const amount = match === null ? Number.NaN : Number(match[1]);
      const unit = match?.[2] ?? "s";
      const ms = unit === "ms" ? amount : unit === "m" ? amount * 60_000 : amount * 1000;
      if (Number.isFinite(ms) && Math.round(ms) >= 1 && ms <= maxDurationMs) return Math.round(ms);
      context.issues.push({ code: "custom", message: "duration", input: raw });
      return z.NEVER;
    }),
  );

function choice(choices: readonly string[]) {
  return z.pipe(
    text(),
    z.transform((raw, context) => {
      const value = raw.trim().toLowerCase();
      const found = choices.find((candidate) => candidate.toLowerCase() === value);
      if (found !== undefined) return found;
      context.issues.push({ code: "custom", message: "choice", input: raw });
      return z.NEVER;
    }),
  );
}

function valueSchema(option: OptionDefinition) {
  switch (option.kind) {
    case "boolean":
      return z.boolean();
    case "integer":
      return integer(option.bounds ?? { min: 0, max: Number.MAX_SAFE_INTEGER });
    case "duration":
      return duration();
    case "choice":
      return choice(option.choices ?? []);
    case "text":
      return option.repeatable === true ? z.array(text()) : text();
  }
}

/**
 * The one schema of a command's settings, made from the option table: each option's value by its key,
 * typed (numbers, milliseconds, a choice in its canonical spelling) and checked by one rule per kind.
 */
export function settingsSchema(options: readonly OptionDefinition[]) {
  return z.object(Object.fromEntries(options.map((option) => [option.key, z.optional(valueSchema(option))])));
}

/**
 * The values checked by the schema, by key; a refused value is a usage error (exit 2) naming the flag
 * or variable it came from and what it takes.
 */
export function checkValues(
  options: readonly OptionDefinition[],
  raw: ReadonlyMap<string, RawValue>,
): Record<string, unknown> {
  const input = Object.fromEntries([...raw].map(([key, given]) => [key, given.value]));
  const result = settingsSchema(options).safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? "");
  const option = options.find((candidate) => candidate.key === key);
  const given = raw.get(key);
  if (option === undefined || given === undefined) {
    throw new BuildInfoError("E_USAGE", issue?.message ?? "Invalid command line.");
  }
  const index = issue?.path[1];
  const value = Array.isArray(given.value) ? given.value[Number(index)] : given.value;
  throw valueError(option, given.source, String(value), (issue?.message ?? "empty") as Refusal);
}

function valueError(option: OptionDefinition, source: string, raw: string, reason: Refusal): BuildInfoError {
  const shown = `'${shortened(raw)}'`;
  const flag = dashed(option.flag);
  switch (reason) {
    case "empty":
      return new BuildInfoError("E_USAGE", `${source} is empty.`, {
        hint: `Give ${flag} a value (${flag} ${option.valueName ?? "VALUE"}), or leave it out.`,
        source,
      });
    case "integer": {
      const { min, max } = option.bounds ?? { min: 0, max: 0 };
      return new BuildInfoError(
        "E_USAGE",
        `${source} must be a whole number from ${min} to ${max}, got ${shown}.`,
        {
          hint: `Pass e.g. ${flag} ${min === 0 ? 10 : Math.max(min, 4)}.`,
          source,
        },
      );
    }
    case "duration":
      return new BuildInfoError("E_USAGE", `${source} must be a duration from 1ms to 24h, got ${shown}.`, {
        hint: `Pass seconds (${flag} 60) or a unit (${flag} 500ms, 30s, 2m).`,
        source,
      });
    case "choice": {
      const choices = option.choices ?? [];
      return new BuildInfoError("E_USAGE", `${source} must be one of ${choices.join(", ")}, got ${shown}.`, {
        hint: `${didYouMean(raw.trim(), choices)}Use one of: ${choices.join(", ")}.`,
        source,
      });
    }
  }
}
