// Renders the release notes of a release of 50 packages × 1,000 commits each with the commits example of
// Octopus's release-notes documentation (https://octopus.com/docs/releases/release-notes), as `preview`
// does: renderReleaseNotes over the variables releaseNotesVariables builds from the packages' mapped
// records (Octopus.Release.Package[<id>].PackageId, .Version, .Commits as a JSON array, …), and measures
// its time and peak memory against a floor measured in the same run: a plain loop that concatenates the
// same output from the same data. Each runs in a process of its own (peak RSS through GNU time).
// `npm run bench` runs it (bench.mjs); standalone: `pnpm -r build`, then `node test/bench/render-notes.mjs`.

import { fileURLToPath } from "node:url";
import { interleaved, measure } from "./measure.mjs";

const packages = 50;
const commitsPerPackage = 1000;
const template = `Here are the notes for the packages
#{each package in Octopus.Release.Package}
- #{package.PackageId} #{package.Version}
#{each commit in package.Commits}
    - [#{commit.CommitId}](#{commit.LinkUrl}) - #{commit.Comment}
#{/each}
#{/each}
`;

/** The release: each package's commits, with messages of a realistic length (some with a body). */
function release() {
  return Array.from({ length: packages }, (_, p) => ({
    id: `Acme.Service${p}`,
    version: `1.${p}.0`,
    commits: Array.from({ length: commitsPerPackage }, (_, c) => {
      const sha = ((p * commitsPerPackage + c) * 2654435761).toString(16).padStart(40, "0").slice(-40);
      return {
        Id: sha,
        LinkUrl: `https://github.com/acme/service${p}/commit/${sha}`,
        Comment: `Fix issue #${c} in the order pipeline${c % 5 === 0 ? "\n\nA body that explains the change in a sentence or two." : ""}`,
      };
    }),
  }));
}

/** Each package's mapped record, as Octopus stores it and `preview` builds it. */
function releasePackages(packagesOfRelease) {
  return packagesOfRelease.map(({ id, version, commits }) => ({
    PackageId: id,
    Version: version,
    VcsType: "Git",
    VcsRoot: `https://github.com/acme/${id}`,
    Commits: commits,
    WorkItems: [],
  }));
}

/** The floor: the same text, concatenated directly from the same records. */
function concatenate(packagesOfRelease) {
  let out = "Here are the notes for the packages\n";
  for (const { PackageId, Version, Commits } of packagesOfRelease) {
    out += `\n- ${PackageId} ${Version}\n`;
    for (const commit of Commits) out += `\n    - [${commit.Id}](${commit.LinkUrl}) - ${commit.Comment}\n`;
    out += "\n";
  }
  return `${out}\n`;
}

async function child(mode) {
  const packagesOfRelease = releasePackages(release());
  if (mode === "floor") {
    process.stdout.write(`${concatenate(packagesOfRelease).length}\n`);
    return;
  }
  const { renderReleaseNotes } = await import("../../packages/templates/dist/index.js");
  const result = renderReleaseNotes(template, packagesOfRelease);
  if (result.diagnostics.length > 0 || result.output !== concatenate(packagesOfRelease)) {
    throw new Error(
      `the render differs from the floor's text: ${JSON.stringify(result.diagnostics.slice(0, 3))}`,
    );
  }
  process.stdout.write(`${result.output.length}\n`);
}

/** The floor's and the render's median time and peak memory over `times` interleaved runs. */
export async function measureRenderNotes(times = 5) {
  const self = fileURLToPath(import.meta.url);
  const [floor, render] = await interleaved(times, [
    () => measure([process.execPath, self, "floor"]),
    () => measure([process.execPath, self, "render"]),
  ]);
  return {
    floor,
    render,
    outputBytes: concatenate(releasePackages(release())).length,
    packages,
    commitsPerPackage,
  };
}

const mode = process.argv[2];
if (mode === "floor" || mode === "render") {
  await child(mode);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { floor, render, outputBytes } = await measureRenderNotes();
  const line = (name, m) =>
    `${name.padEnd(34)} ${m.ms.toFixed(0).padStart(6)} ms  ${(m.rssKb / 1024).toFixed(0).padStart(5)} MB peak RSS`;
  process.stdout.write(
    `release notes of ${packages} packages × ${commitsPerPackage} commits (${(outputBytes / 1e6).toFixed(1)} MB of output), each in its own process:\n` +
      `${line("floor (string concatenation)", floor)}\n` +
      `${line("renderReleaseNotes (Octopus's example)", render)}\n` +
      `ratio: ${(render.ms / floor.ms).toFixed(2)}× the time, ${(render.rssKb / floor.rssKb).toFixed(2)}× the peak memory\n`,
  );
}
