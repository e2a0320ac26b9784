// Octostache's JSON step (source/Octostache/CustomStringParsers/JsonParser.cs): when a name has no variable
// of its own, a value that is JSON is read for it (docs/reference/octostache.md#json-values).

import { Binding, TemplateEvaluationError } from "./binding";
import { parseDotNetInt32 } from "./dotnet-number";
import { type JsonToken, jsonValueText, readJson, writeJson } from "./newtonsoft-json";

/** ConvertJTokenToBinding: a missing token is "", a plain value its text, an object or array its JSON. */
function toBinding(token: JsonToken | undefined): Binding {
  if (token === undefined) return new Binding("");
  if (token.type === "object" || token.type === "array") return new Binding(writeJson(token));
  return new Binding(jsonValueText(token) ?? "");
}

/**
 * JsonParser.TryParse(binding, property): a property of an object (case-sensitive, as JObject's indexer is),
 * an element of an array (past the end is ""), or a plain value whatever the property.
 */
export function jsonProperty(
  value: string,
  property: string,
  localOffsetMinutes: number,
): Binding | undefined {
  const token = readJson(value, localOffsetMinutes);
  if (token === undefined) return undefined;
  if (token.type === "object") return toBinding(token.properties.get(property));
  if (token.type === "array") {
    const index = parseDotNetInt32(property);
    if (index === undefined) return undefined;
    if (index < 0)
      throw new TemplateEvaluationError(`Index was out of range (${index}): must be non-negative`);
    return toBinding(token.items[index]);
  }
  return new Binding(jsonValueText(token));
}

/** JsonParser.TryParse(binding, out bindings): an array's elements, or an object's properties as Key and Value. */
export function jsonCollection(value: string, localOffsetMinutes: number): Binding[] | undefined {
  const token = readJson(value, localOffsetMinutes);
  if (token?.type === "array") return token.items.map(toBinding);
  if (token?.type === "object") {
    return [...token.properties].map(([name, property]) => {
      const binding = new Binding(name);
      binding.children.set("Key", new Binding(name));
      binding.children.set("Value", toBinding(property));
      return binding;
    });
  }
  return undefined;
}
