// One tarball per public workspace package, packed by pnpm (which turns `workspace:` ranges into real
// ones and adds the root LICENSE), then checked: no `workspace:` range may reach a user.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pnpmCommand } from "../pnpm-command.mjs";

function pnpm(args, cwd) {
  const [command, prefix] = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    shell: process.platform === "win32",
  });
  if (result.status !== 0)
    throw new Error(`pnpm ${args.join(" ")} failed in ${cwd}: ${result.stderr.trim()}`);
  return result.stdout;
}

/** The workspace's packages that get published: every one not marked private. */
export function publicPackages(root) {
  const all = JSON.parse(pnpm(["ls", "-r", "--depth", "-1", "--json"], root));
  return all.filter((pkg) => !pkg.private);
}

/** Packs `pkg` into `destination` and returns the tarball's path. */
export function packPackage(pkg, destination) {
  const before = new Set(readdirSync(destination));
  pnpm(["pack", "--pack-destination", destination], pkg.path);
  const [tarball] = readdirSync(destination).filter((name) => !before.has(name));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}.`);
  const tarballPath = join(destination, tarball);
  const manifest = spawnSync("tar", ["-xzOf", tarballPath, "package/package.json"], { encoding: "utf8" });
  if (manifest.status !== 0) {
    throw new Error(
      `cannot read package.json from ${tarballPath}: ${manifest.stderr.trim() || `tar exited with ${manifest.status}`}.`,
    );
  }
  if (manifest.stdout.includes("workspace:")) {
    throw new Error(`${tarballPath} still has a workspace: range in its package.json.`);
  }
  return tarballPath;
}
