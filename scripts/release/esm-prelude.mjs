// The start of release/buildinfo.mjs, before the CommonJS bundle (scripts/release/bundle-cli.mjs).
// The bundle's `require` only ever asks for Node's built-ins; process.getBuiltinModule gives them
// without loading node:module and creating a resolver for a file on disk (docs/performance.md).
// It exists from Node 20.16, so an older Node is told what it needs instead of failing on a
// missing function in the middle of a command.
const [nodeMajor, nodeMinor] = process.versions.node.split(".").map(Number);
if (nodeMajor < 20 || (nodeMajor === 20 && nodeMinor < 19)) {
  process.stderr.write(
    `[buildinfo] error: Node ${process.versions.node} is too old for buildinfo.mjs, which needs Node >= 20.19. Install a newer Node, or use the standalone executable, which brings its own. code=E_USAGE\n`,
  );
  process.exit(2);
}
// biome-ignore lint/correctness/noUnusedVariables: the bundle that follows this prelude calls it.
function require(id) {
  const builtin = process.getBuiltinModule(id);
  if (builtin === undefined) {
    throw Object.assign(new Error(`No such built-in module: ${id}`), { code: "ERR_UNKNOWN_BUILTIN_MODULE" });
  }
  return builtin;
}
