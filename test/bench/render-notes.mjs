// Renders the release notes of a release of 50 packages × 1,000 commits each with the commits example of
// Octopus's release-notes documentation (https://octopus.com/docs/releases/release-notes), over the flat
// variables Octopus builds (Octopus.Release.Package[<id>].PackageId, .Version, .Commits as a JSON array),
// and prints its time and peak memory against a floor measured in the same run: a plain loop that
// concatenates the same output from the same data. Each runs in a process of its own (peak RSS through GNU
// time). Standalone: `pnpm -r build`, then `node test/bench/render-notes.mjs`.

import { fileURLToPath } from "node:url";
import { interleaved } from "./measure.mjs";

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
        CommitId: sha,
        LinkUrl: `https://github.com/acme/service${p}/commit/${sha}`,
        Comment: `Fix issue #${c} in the order pipeline${c % 5 === 0 ? "\n\nA body that explains the change in a sentence or two." : ""}`,
      };
    }),
  }));
}

/** The variables as Octopus sets them for a release. */
function variables(packagesOfRelease) {
  const dictionary = {};
  for (const { id, version, commits } of packagesOfRelease) {
    dictionary[`Octopus.Release.Package[${id}].PackageId`] = id;
    dictionary[`Octopus.Release.Package[${id}].Version`] = version;
    dictionary[`Octopus.Release.Package[${id}].Commits`] = JSON.stringify(commits);
    dictionary[`Octopus.Release.Package[${id}].WorkItems`] = "[]";
  }
  return dictionary;
}

/** The floor: the same text, concatenated directly from the parsed JSON of the same variables. */
function concatenate(dictionary) {
  let out = "Here are the notes for the packages\n";
  for (const { id } of release()) {
    out += `\n- ${dictionary[`Octopus.Release.Package[${id}].PackageId`]} ${dictionary[`Octopus.Release.Package[${id}].Version`]}\n`;
    for (const commit of JSON.parse(dictionary[`Octopus.Release.Package[${id}].Commits`])) {
      out += `\n    - [${commit.CommitId}](${commit.LinkUrl}) - ${commit.Comment}\n`;
    }
    out += "\n";
  }
  return `${out}\n`;
}

async function child(mode) {
  const dictionary = variables(release());
  if (mode === "floor") {
    process.stdout.write(`${concatenate(dictionary).length}\n`);
    return;
  }
  const { renderTemplate } = await import("../../packages/templates/dist/index.js");
  const result = renderTemplate(template, dictionary);
  if (result.diagnostics.length > 0 || result.output !== concatenate(dictionary)) {
    throw new Error(
      `the render differs from the floor's text: ${JSON.stringify(result.diagnostics.slice(0, 3))}`,
    );
  }
  process.stdout.write(`${result.output.length}\n`);
}

const mode = process.argv[2];
if (mode === "floor" || mode === "render") {
  await child(mode);
} else {
  const self = fileURLToPath(import.meta.url);
  const [floor, render] = await interleaved(5, [
    () => import("./measure.mjs").then(({ measure }) => measure([process.execPath, self, "floor"])),
    () => import("./measure.mjs").then(({ measure }) => measure([process.execPath, self, "render"])),
  ]);
  const output = concatenate(variables(release())).length;
  const line = (name, m) =>
    `${name.padEnd(34)} ${m.ms.toFixed(0).padStart(6)} ms  ${(m.rssKb / 1024).toFixed(0).padStart(5)} MB peak RSS`;
  process.stdout.write(
    `release notes of ${packages} packages × ${commitsPerPackage} commits (${(output / 1e6).toFixed(1)} MB of output), each in its own process:\n` +
      `${line("floor (string concatenation)", floor)}\n` +
      `${line("renderTemplate (Octopus's example)", render)}\n` +
      `ratio: ${(render.ms / floor.ms).toFixed(2)}× the time, ${(render.rssKb / floor.rssKb).toFixed(2)}× the peak memory\n`,
  );
}
