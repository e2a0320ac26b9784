import { describe, expect, it } from "vitest";
import { isLocalRepositoryPath, normalizeVcsRoot } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

const token = "glcbt-64_s3cr3tT0kenValue";

describe("normalizeVcsRoot", () => {
  it.each([
    ["git@github.com:acme/shop-web.git", "https://github.com/acme/shop-web"],
    ["git@github.com:acme/shop-web", "https://github.com/acme/shop-web"],
    ["github.com:acme/shop-web.git", "https://github.com/acme/shop-web"],
    ["git@gitlab.example.com:group/sub/api.git/", "https://gitlab.example.com/group/sub/api"],
    ["ssh://git@bitbucket.corp:7999/shop/web.git", "https://bitbucket.corp/shop/web"],
    ["ssh://git@github.com/acme/shop-web.git", "https://github.com/acme/shop-web"],
    ["git+ssh://git@github.com/acme/shop-web.git", "https://github.com/acme/shop-web"],
    ["git://github.com/acme/shop-web.git", "https://github.com/acme/shop-web"],
    ["https://github.com/acme/shop-web.git", "https://github.com/acme/shop-web"],
    ["https://github.com/acme/shop-web/", "https://github.com/acme/shop-web"],
    ["https://github.com/acme/shop-web.GIT", "https://github.com/acme/shop-web"],
    ["https://github.com/acme/shop-web?ref=main#readme", "https://github.com/acme/shop-web"],
    ["HTTPS://GitHub.com/acme/shop-web", "https://github.com/acme/shop-web"],
    ["http://bitbucket.org/acme/shop-web.git", "https://bitbucket.org/acme/shop-web"],
    ["http://git.corp.local/shop/web.git", "http://git.corp.local/shop/web"],
    ["https://git.corp.local:8443/shop/web.git", "https://git.corp.local:8443/shop/web"],
    ["https://acme@dev.azure.com/acme/Shop/_git/web", "https://dev.azure.com/acme/Shop/_git/web"],
    ["git@ssh.dev.azure.com:v3/acme/Shop/web", "https://dev.azure.com/acme/Shop/_git/web"],
    ["acme@vs-ssh.visualstudio.com:v3/acme/Shop/web", "https://acme.visualstudio.com/Shop/_git/web"],
    [
      "https://tfs.corp.local:8080/tfs/DefaultCollection/",
      "https://tfs.corp.local:8080/tfs/DefaultCollection",
    ],
    ["http://tfs.corp.local:8080/tfs/DefaultCollection", "http://tfs.corp.local:8080/tfs/DefaultCollection"],
    ["  https://github.com/acme/shop-web  ", "https://github.com/acme/shop-web"],
  ])("normalises %j to %j", (raw, expected) => {
    expect(normalizeVcsRoot(raw, "GIT_URL")).toBe(expected);
  });

  it.each([
    [
      `https://gitlab-ci-token:${token}@gitlab.example.com/shop/api.git`,
      "https://gitlab.example.com/shop/api",
    ],
    [`https://oauth2:${token}@gitlab.com/shop/api`, "https://gitlab.com/shop/api"],
    [`https://${token}@github.com/acme/shop-web.git`, "https://github.com/acme/shop-web"],
    [`https://x-access-token:${token}@github.com/acme/shop-web.git`, "https://github.com/acme/shop-web"],
    [`ssh://git:${token}@git.corp.local:2222/shop/web.git`, "https://git.corp.local/shop/web"],
    [
      `https://build:${encodeURIComponent(`${token}/@:`)}@git.corp.local/shop/web`,
      "https://git.corp.local/shop/web",
    ],
  ])("removes the credentials from %j", (raw, expected) => {
    const result = normalizeVcsRoot(raw, "CI_REPOSITORY_URL");
    expect(result).toBe(expected);
    expect(result).not.toContain(token);
  });

  it.each([undefined, "", "   "])("gives undefined for %j", (raw) => {
    expect(normalizeVcsRoot(raw)).toBeUndefined();
  });

  it.each([
    "not a url",
    "ftp://files.example.com/repo",
    "https://",
    "mailto:someone@example.com",
    "/srv/git/shop.git",
    "file:///srv/git/shop.git",
    "C:\\repos\\shop",
  ])("rejects %j with E_INVALID_VCS_ROOT naming the source", (raw) => {
    const error = catchBuildInfoError(() => normalizeVcsRoot(raw, "GIT_URL"));
    expect(error.code).toBe("E_INVALID_VCS_ROOT");
    expect(error.kind).toBe("input");
    expect(error.source).toBe("GIT_URL");
    expect(error.message).toContain("from GIT_URL");
    expect(error.hint).toContain("VcsRoot");
    expect(error.hint).not.toContain("--");
  });

  it("never echoes credentials of an invalid root", () => {
    for (const raw of [
      `ftp://deploy:${token}@files.example.com/repo`,
      `https://deploy:${token}@`,
      `deploy:${token}@@not a host`,
    ]) {
      const error = catchBuildInfoError(() => normalizeVcsRoot(raw, "vcsroot.url"));
      expect(error.code).toBe("E_INVALID_VCS_ROOT");
      expect(`${error.message} ${error.hint}`).not.toContain(token);
    }
  });

  it("rejects a 1 MB value quickly with a short message", () => {
    const started = performance.now();
    for (const raw of ["a".repeat(1_000_000), `git@${"a".repeat(1_000_000)}`, `${"a@".repeat(500_000)}x`]) {
      const error = catchBuildInfoError(() => normalizeVcsRoot(raw, "GIT_URL"));
      expect(error.message.length).toBeLessThan(400);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("tells local repository paths apart", () => {
    expect(isLocalRepositoryPath("/srv/git/shop.git")).toBe(true);
    expect(isLocalRepositoryPath("../shop")).toBe(true);
    expect(isLocalRepositoryPath("file:///srv/git/shop.git")).toBe(true);
    expect(isLocalRepositoryPath("C:\\repos\\shop")).toBe(true);
    expect(isLocalRepositoryPath("\\\\server\\share\\shop")).toBe(true);
    expect(isLocalRepositoryPath("git@github.com:acme/shop-web.git")).toBe(false);
    expect(isLocalRepositoryPath("https://github.com/acme/shop-web")).toBe(false);
    expect(isLocalRepositoryPath(undefined)).toBe(false);
  });
});
