// What the preview pages of `buildinfo serve` make of odd queries: an emptied pasted template, a
// deployment that does not exist, the same record chosen twice. Real HTTP to the real CLI's server.

import { octopusScenario } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeProcess, startServeProcess } from "./support/serve-process";

const apiKey = "API-PAGESQUERIESTEST0000000000";
let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServeProcess(["--api-key", apiKey]);
  const scenario = octopusScenario({ url: serve.url, apiKey });
  await scenario.pushBuildInformation("Acme.Web", "1.0.0", {
    Commits: [{ Id: "a".repeat(40), Comment: "Fixes #1" }],
  });
  await scenario.environment("Production");
  await scenario.project("Shop", ["Acme.Web"]);
}, 60_000);
afterAll(async () => {
  await serve?.stop();
});

const page = async (path: string) => {
  const answer = await fetch(`${serve.url}${path}`);
  expect(answer.status, path).toBe(200);
  return answer.text();
};

describe("the preview pages' queries", () => {
  it("render an emptied pasted template as the empty template it is, not as the example", async () => {
    const html = await page("/app/Spaces-1/release-notes?record=BuildInformation-1&source=pasted&template=");
    expect(html).toContain("The template rendered nothing.");
    expect(html).not.toContain("Here are the notes for the packages</p>");
  });

  it("list a record chosen twice once", async () => {
    const html = await page(
      "/app/Spaces-1/release-notes?record=BuildInformation-1&record=buildinformation-1&source=example",
    );
    expect(html.match(/<li>Acme\.Web 1\.0\.0/g)).toHaveLength(1);
  });

  it("name a deployment that does not exist, and preview the project's newest release instead", async () => {
    const html = await page("/app/Spaces-1/deployment-changes?deployment=Deployments-9");
    expect(html).toContain("There is no deployment Deployments-9 in this space.");
    expect(html).toContain("Project Shop has no release yet.");
  });
});
