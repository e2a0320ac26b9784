// Octopus's documented release-notes and deployment-changes templates, rendered over the variables
// releaseNotesVariables and deploymentChangesVariables build from mapped records: the expected outputs were
// written by hand (see test/octopus-docs/*.json for their sources), so the variables' names and shapes are
// checked against what Octopus's own examples read.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  deploymentChangesVariables,
  type ReleaseChange,
  type ReleasePackage,
  releaseNotesVariables,
  renderDeploymentChanges,
  renderReleaseNotes,
  renderTemplate,
} from "../src/index";

const read = <T>(name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "octopus-docs", name), "utf8")) as T;
const releaseNotes = read<{
  packages: ReleasePackage[];
  templates: { name: string; template: string; expected: string }[];
}>("release-notes.json");
const deploymentChanges = read<{
  changes: ReleaseChange[];
  templates: { name: string; template: string; expected: string; default?: boolean }[];
}>("deployment-changes.json");

describe("releaseNotesVariables", () => {
  for (const { name, template, expected } of releaseNotes.templates) {
    it(`gives Octopus's example ${name} what it reads`, () => {
      expect(renderReleaseNotes(template, releaseNotes.packages)).toEqual({
        output: expected,
        diagnostics: [],
      });
    });
  }

  it("names a release package's commit id CommitId, not Id (the naming trap)", () => {
    const template = "#{each c in Octopus.Release.Package[Acme.Db].Commits}[#{c.CommitId}][#{c.Id}]#{/each}";
    expect(renderReleaseNotes(template, releaseNotes.packages).output).toBe("[0c9d8e7][]");
  });

  it("lists each work item once across packages, ignoring the case of its id", () => {
    const [web, db] = releaseNotes.packages as [ReleasePackage, ReleasePackage];
    const shout = {
      ...db,
      WorkItems: [
        { ...web.WorkItems[0]!, Id: "42" },
        { Id: "ab-1", Source: "Jira" },
      ],
    };
    const variables = releaseNotesVariables([web, shout]);
    expect(
      JSON.parse(variables["Octopus.Release.WorkItems"]!).map((item: { Id: string }) => item.Id),
    ).toEqual(["42", "ab-1"]);
  });

  it("makes one build per distinct build, each listing its packages", () => {
    const [web, db] = releaseNotes.packages as [ReleasePackage, ReleasePackage];
    const variables = releaseNotesVariables([web, { ...db, BuildNumber: "102" }], { releaseNumber: "2.0.0" });
    expect(variables["Octopus.Release.Builds[1].Packages"]).toBe(
      '[{"PackageId":"Acme.Db","Version":"4.5.6"}]',
    );
    expect(variables["Octopus.Release.Builds[1].BuildNumber"]).toBe("102");
    expect(renderTemplate("#{Octopus.Release.Number}", variables).output).toBe("2.0.0");
  });
});

describe("deploymentChangesVariables", () => {
  for (const { name, template, expected, default: isDefault } of deploymentChanges.templates) {
    it(`gives Octopus's example ${name} what it reads`, () => {
      expect(renderDeploymentChanges(template, deploymentChanges.changes)).toEqual({
        output: expected,
        diagnostics: [],
      });
      if (isDefault) {
        // A project without a template (or a blank one) gets Octopus's default.
        for (const none of [undefined, "", "  \n"]) {
          expect(renderDeploymentChanges(none, deploymentChanges.changes).output).toBe(expected);
        }
      }
    });
  }

  it("names a deployment change's commit id Id, not CommitId (the naming trap)", () => {
    const template =
      "#{each change in Octopus.Deployment.Changes}#{each c in change.Commits}[#{c.Id}][#{c.CommitId}]#{/each}#{/each}";
    expect(renderDeploymentChanges(template, deploymentChanges.changes).output).toBe(
      "[a1b2c3d][][e4f5a6b][][0c9d8e7][]",
    );
  });

  it("lists each commit of a release once, though two packages of one build carry it", () => {
    const [web] = releaseNotes.packages as [ReleasePackage];
    const change = {
      Version: "1.0.0",
      ReleaseNotes: "",
      Packages: [web, { ...web, PackageId: "Acme.Worker" }],
    };
    const variables = deploymentChangesVariables([change]);
    const [parsed] = JSON.parse(variables["Octopus.Deployment.Changes"]!);
    expect(parsed.Commits.map((commit: { Id: string }) => commit.Id)).toEqual(["a1b2c3d", "e4f5a6b"]);
    expect(parsed.BuildInformation.map((info: { PackageId: string }) => info.PackageId)).toEqual([
      "Acme.Web",
      "Acme.Worker",
    ]);
    expect(JSON.parse(variables["Octopus.Deployment.PackageBuildInformation"]!)).toHaveLength(2);
  });
});
