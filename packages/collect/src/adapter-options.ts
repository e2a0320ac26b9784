import { type AdapterManifest, type AdapterOptions, BuildInfoError, shortened } from "@buildinfo/core";

/**
 * The options given for `manifest`'s collector, checked against what it declares: a value outside an
 * option's choices or bounds is a usage error; options it does not read are left out.
 */
export function adapterOptions(manifest: AdapterManifest, given: AdapterOptions): AdapterOptions {
  const result: Record<string, string> = {};
  for (const spec of manifest.options ?? []) {
    const raw = given[spec.key];
    if (raw === undefined) continue;
    const value = raw.trim();
    const fits =
      spec.choices !== undefined
        ? spec.choices.includes(value.toLowerCase())
        : spec.integer === undefined ||
          (/^\d+$/.test(value) && Number(value) >= spec.integer.min && Number(value) <= spec.integer.max);
    if (!fits) {
      const wanted =
        spec.choices !== undefined
          ? `one of ${spec.choices.join(", ")}`
          : `a whole number from ${spec.integer?.min} to ${spec.integer?.max}`;
      throw new BuildInfoError("E_USAGE", `--${spec.flag} must be ${wanted}, got '${shortened(raw)}'.`, {
        hint: `${spec.help}.`,
        source: `--${spec.flag}`,
      });
    }
    result[spec.key] = spec.choices === undefined ? value : value.toLowerCase();
  }
  return result;
}
