// The start of release/buildinfo.mjs, before the CommonJS bundle (scripts/release/bundle-cli.mjs).
// The bundle's `require` only ever asks for Node's built-ins. process.getBuiltinModule gives them
// without loading node:module and creating a resolver for a file on disk (docs/performance.md); Node
// 21 and 22.0–22.2 do not have it, and get createRequire's `require` instead. A Node older than the
// 20.19 the CLI needs is told so in one line instead of failing in the middle of a command. Names are
// in a block or prefixed, so they cannot clash with the bundle's own top-level names.
{
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    process.stderr.write(
      `[buildinfo] error: Node ${process.versions.node} is too old for buildinfo.mjs, which needs Node >= 20.19. Install a newer Node, or use the standalone executable, which brings its own. code=E_USAGE\n`,
    );
    process.exit(2);
  }
}
const __buildinfoBuiltinModule =
  typeof process.getBuiltinModule === "function"
    ? (id) => process.getBuiltinModule(id)
    : (await import("node:module")).createRequire(import.meta.url);
// biome-ignore lint/correctness/noUnusedVariables: the bundle that follows this prelude calls it.
function require(id) {
  const builtin = __buildinfoBuiltinModule(id);
  if (builtin === undefined) {
    throw Object.assign(new Error(`No such built-in module: ${id}`), { code: "ERR_UNKNOWN_BUILTIN_MODULE" });
  }
  return builtin;
}
