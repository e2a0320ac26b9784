import { describe, expect, it } from "vitest";
import { detectAdapter, detectionOrder, manifestById, manifests } from "../src/index";

describe("the adapter registry", () => {
  it("finds a manifest by its --from id in any case", () => {
    expect(manifestById("TeamCity").id).toBe("teamcity");
    expect(new Set(manifests.map((manifest) => manifest.id)).size).toBe(manifests.length);
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

  it("tries the hosted services first, Jenkins last of all, and never detects git", () => {
    const order = detectionOrder.map((manifest) => manifest.id);
    const hosted = ["github-actions", "azure-devops", "gitlab", "bitbucket-pipelines", "appveyor"];
    const selfHosted = ["teamcity", "bamboo", "continua-ci", "jenkins"];
    expect(Math.max(...hosted.map((id) => order.indexOf(id)))).toBeLessThan(
      Math.min(...selfHosted.map((id) => order.indexOf(id))),
    );
    expect(order.at(-1)).toBe("jenkins");
    expect(order).not.toContain("git");
    expect(manifests.at(-1)?.id).toBe("git");
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
