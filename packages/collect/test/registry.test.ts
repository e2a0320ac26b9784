import { describe, expect, it } from "vitest";
import { detectAdapter, detectionOrder, manifestById, manifests } from "../src/index";

describe("the adapter registry", () => {
  it("has every adapter by its --from id", () => {
    expect(manifests.map((manifest) => manifest.id).sort()).toEqual(
      [
        "appveyor",
        "azure-devops",
        "bamboo",
        "bitbucket-pipelines",
        "continua-ci",
        "git",
        "github-actions",
        "gitlab",
        "jenkins",
        "teamcity",
      ].sort(),
    );
    expect(manifestById("TeamCity").id).toBe("teamcity");
  });

  it("rejects an unknown id with the list of known ones", () => {
    expect(() => manifestById("circleci")).toThrowError(/circleci/);
    try {
      manifestById("circleci");
    } catch (error) {
      expect((error as { code: string; hint: string }).code).toBe("E_USAGE");
      expect((error as { hint: string }).hint).toContain("github-actions");
    }
  });
});

describe("detectAdapter", () => {
  const markers: Record<string, Record<string, string>> = {
    "github-actions": { GITHUB_ACTIONS: "true" },
    "azure-devops": { TF_BUILD: "True" },
    gitlab: { GITLAB_CI: "true" },
    "bitbucket-pipelines": { BITBUCKET_BUILD_NUMBER: "12" },
    appveyor: { APPVEYOR: "True" },
    teamcity: { TEAMCITY_VERSION: "2024.03 (build 156630)" },
    bamboo: { bamboo_buildKey: "SHOP-WEB-JOB1" },
    "continua-ci": { "ContinuaCI.Version": "1.9.2" },
    jenkins: { JENKINS_URL: "https://ci.example.com/" },
  };

  it("detects each server from its marker variables", () => {
    for (const [id, env] of Object.entries(markers)) {
      expect(detectAdapter(env).manifest.id, id).toBe(id);
      expect(detectAdapter(env).warning).toBeUndefined();
    }
  });

  it("falls back to the local git checkout when no server is detected", () => {
    expect(detectAdapter({ CI: "true" }).manifest.id).toBe("git");
  });

  it("follows the documented order and never detects git", () => {
    expect(detectionOrder.map((manifest) => manifest.id)).toEqual([
      "github-actions",
      "azure-devops",
      "gitlab",
      "bitbucket-pipelines",
      "appveyor",
      "teamcity",
      "bamboo",
      "continua-ci",
      "jenkins",
    ]);
  });

  it("picks the more specific server when Jenkins variables leak in, and warns naming both", () => {
    const detection = detectAdapter({ ...markers.jenkins, ...markers["github-actions"] });
    expect(detection.manifest.id).toBe("github-actions");
    expect(detection.warning).toContain("GitHub Actions");
    expect(detection.warning).toContain("Jenkins");
    expect(detection.warning).toContain("--from jenkins");
  });

  it("answers the same for TeamCity inside Jenkins, whatever the variables' order", () => {
    const a = detectAdapter({ ...markers.teamcity, ...markers.jenkins });
    const b = detectAdapter({ ...markers.jenkins, ...markers.teamcity });
    expect(a.manifest.id).toBe("teamcity");
    expect(b.manifest.id).toBe("teamcity");
    expect(a.warning).toBe(b.warning);
  });
});
