// The variables as Octostache looks them up: a tree of bindings built from the flat names
// (source/Octostache/Templates/Binding.cs, PropertyListBinder.cs; docs/reference/octostache.md#variables).

import { Identifier, type SymbolExpression } from "./template-ast";

/** .NET's StringComparer.OrdinalIgnoreCase, as a key: each character upper-cased on its own. */
function foldKey(key: string): string {
  if (/^[ -~]*$/.test(key)) return key.toUpperCase();
  let folded = "";
  for (const c of key) {
    const upper = c.toUpperCase();
    folded += [...upper].length === 1 ? upper : c;
  }
  return folded;
}

/** A dictionary with case-insensitive keys that keeps the order keys were first added in, as .NET's does. */
export class CaseInsensitiveMap<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    return this.entries.get(foldKey(key));
  }

  set(key: string, value: V): void {
    this.entries.set(foldKey(key), value);
  }

  has(key: string): boolean {
    return this.entries.has(foldKey(key));
  }

  get size(): number {
    return this.entries.size;
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }
}

export class Binding {
  readonly children = new CaseInsensitiveMap<Binding>();
  readonly indexable = new CaseInsensitiveMap<Binding>();
  constructor(public item: string | null = null) {}
}

/** Raised where Octostache itself throws; the render stops with an `evaluation-error` diagnostic. */
export class TemplateEvaluationError extends Error {}

/**
 * PropertyListBinder.CreateFrom: each name is parsed as a symbol (`Octopus.Action[Package A].Name`) and its
 * value stored at that path; a name that does not parse is ignored, one with a looked-up index
 * (`A[#{B}]`) makes Octostache throw.
 */
function child(map: CaseInsensitiveMap<Binding>, key: string, item: string | null): Binding {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const created = new Binding(item);
  map.set(key, created);
  return created;
}

export function bindingFrom(
  variables: Iterable<readonly [string, string | null]>,
  parsePath: (name: string) => SymbolExpression | undefined,
): Binding {
  const root = new Binding();
  for (const [name, value] of variables) {
    const path = parsePath(name);
    if (path === undefined) continue;
    let node = root;
    for (const step of path.steps) {
      if (step instanceof Identifier) {
        node = child(node.children, step.text, null);
      } else if (step.index !== null) {
        node = child(node.indexable, step.index, step.index);
      } else {
        throw new TemplateEvaluationError(`Unknown step type: ${step} (in the variable name "${name}")`);
      }
    }
    node.item = value ?? "";
  }
  return root;
}
