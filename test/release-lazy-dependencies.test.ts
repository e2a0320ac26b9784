import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TeamCityAgent, teamCityAgentFor } from "../adapters/teamcity/test/teamcity-fixtures";
import { runProcess } from "../packages/cli/test/helpers/run-cli";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";
import { ensureRelease } from "./support/release-build";

// The one-file CLI carries undici and fast-xml-parser as text, compiled on first import
// (scripts/release/lazy-dependencies.mjs). These are the paths that import them: a push through a
// proxy, and TeamCity's changes in XML, run by both release artifacts that hold that text.
describe("release/ artifacts: the dependencies compiled on first use", () => {
  let release: string;
  let octopus: LocalOctopusServer;
  let proxy: ForwardProxy;
  let teamCity: TeamCityAgent;
  let build: ConformanceBuild;
  let scratch: string;

  beforeAll(async () => {
    release = ensureRelease();
    scratch = mkdtempSync(join(tmpdir(), "buildinfo-release-lazy-"));
    octopus = await startOctopusServer();
    proxy = await startForwardProxy();
    build = await createConformanceBuild();
    teamCity = await teamCityAgentFor(build);
  }, 15 * 60_000);

  afterAll(async () => {
    await octopus?.close();
    await proxy?.close();
    await teamCity?.cleanup();
    await build?.repo.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const artifacts = [
    { name: "release/buildinfo.mjs", command: () => [process.execPath, join(release, "buildinfo.mjs")] },
    { name: "release/buildinfo-linux-x64", command: () => [join(release, "buildinfo-linux-x64")] },
  ];

  for (const artifact of artifacts) {
    it(`${artifact.name} reads TeamCity's changes in XML`, async () => {
      const [command, ...args] = artifact.command();
      const collected = await runProcess(command!, [...args, "collect"], {
        cwd: build.repo.dir,
        env: teamCity.env,
      });
      expect(collected.code, collected.stderr).toBe(0);
      expect(JSON.parse(collected.stdout)).toMatchObject(build.expected);
      expect(teamCity.api.requests.at(-1)?.headers.accept).toBe("application/xml");
    });

    it(`${artifact.name} pushes through HTTP_PROXY`, async () => {
      const [command, ...args] = artifact.command();
      const packageId = `Acme.Proxied.${artifact.name.replace(/\W/g, "")}`;
      const file = join(scratch, `${packageId}.buildinfo`);
      writeFileSync(file, JSON.stringify({ BuildEnvironment: "Proxy test", Commits: [] }));
      const pushed = await runProcess(
        command!,
        [
          ...args,
          "push",
          "--file",
          file,
          "--package-id",
          packageId,
          "--version",
          "1.0.0",
          "--server",
          octopus.url,
        ],
        { env: { OCTOPUS_API_KEY: octopus.apiKey, HTTP_PROXY: proxy.url } },
      );
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(proxy.seen).toContain(
        `POST ${octopus.url}/api/Spaces-1/build-information?overwriteMode=FailIfExists`,
      );
      expect(octopus.records().find((record) => record.PackageId === packageId)).toMatchObject({
        BuildEnvironment: "Proxy test",
      });
    });
  }
});
