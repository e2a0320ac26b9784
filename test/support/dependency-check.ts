export interface PackageView {
  /** `packages/core`, `adapters/jenkins`, `wrappers/jenkins`, … */
  folder: string;
  /** `@buildinfo/<name>` */
  name: string;
  dependencies: readonly string[];
  devDependencies: readonly string[];
  /** The `@buildinfo/*` packages its `src/` imports (statically or with `import()`). */
  sourceImports: readonly string[];
}

/** The layer of a workspace package, from its folder: what it may depend on at run time is fixed by it. */
function layer(folder: string): string {
  const [group, name = ""] = folder.split("/");
  if (group === "adapters") return "adapter";
  if (group === "wrappers") return "wrapper";
  return name;
}

/**
 * The runtime dependencies each layer may have: `cli → collect → adapters → core`, `collect → git`,
 * `cli → octopus → http → core`, `cli → server → templates`, `cli → conformance → server` (the kit's
 * runner starts the local server); `cli → http` for the adapters' client,
 * `cli → templates` for `preview`'s release notes,
 * `cli → git` only to start git early (docs/performance.md). `testing` is test helpers built on the
 * server, only ever a devDependency.
 */
const allowed: Record<string, readonly string[]> = {
  core: [],
  git: ["core"],
  adapter: ["core"],
  http: ["core"],
  octopus: ["core", "http"],
  templates: ["core"],
  collect: ["core", "git", "adapter"],
  server: ["core", "templates"],
  conformance: ["core", "server"],
  testing: ["core", "conformance", "git", "server"],
  cli: ["conformance", "core", "collect", "git", "http", "octopus", "server", "templates"],
  wrapper: ["core", "cli"],
};

/**
 * Every way the workspace breaks the dependency direction: a runtime dependency or a `src/` import its
 * layer may not have, `@buildinfo/testing` outside devDependencies, a `src/` import its package.json does not
 * declare, or a cycle through dependencies and devDependencies.
 */
export function dependencyProblems(packages: readonly PackageView[]): string[] {
  const problems: string[] = [];
  const layerOf = new Map(packages.map((pkg) => [pkg.name, layer(pkg.folder)]));
  for (const pkg of packages) {
    const mayUse = allowed[layer(pkg.folder)];
    if (mayUse === undefined) {
      problems.push(`${pkg.name} has no layer in the dependency rules`);
      continue;
    }
    for (const dependency of pkg.dependencies) {
      if (dependency === "@buildinfo/testing") {
        problems.push(`${pkg.name} has @buildinfo/testing as a runtime dependency (devDependencies only)`);
      } else if (!mayUse.includes(layerOf.get(dependency) ?? dependency)) {
        problems.push(`${pkg.name} depends on ${dependency}, against the direction`);
      }
    }
    for (const imported of pkg.sourceImports) {
      // A bundled package (the CLI) declares what it imports as devDependencies: the direction holds for its imports too.
      if (imported !== pkg.name && !mayUse.includes(layerOf.get(imported) ?? imported))
        problems.push(`${pkg.name} imports ${imported}, against the direction`);
      if (
        imported !== pkg.name &&
        !pkg.dependencies.includes(imported) &&
        !pkg.devDependencies.includes(imported)
      ) {
        problems.push(`${pkg.name} imports ${imported} without declaring it`);
      }
    }
  }
  const edges = new Map(packages.map((pkg) => [pkg.name, [...pkg.dependencies, ...pkg.devDependencies]]));
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) {
      problems.push(`cycle: ${[...path.slice(path.indexOf(name)), name].join(" → ")}`);
      return;
    }
    if (done.has(name)) return;
    for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
    done.add(name);
  };
  for (const name of edges.keys()) visit(name, []);
  return problems;
}

/** The `@buildinfo/*` package names a source file imports. */
export function buildinfoImports(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(
    /(?:from\s+|import\s*\(\s*|import\s+)["'](@buildinfo\/[a-z0-9-]+)(?:\/[\w./-]+)?["']/g,
  )) {
    names.add(match[1]!);
  }
  return [...names];
}
