#!/usr/bin/env node
// A deliberately naive build-information plugin for Jenkins and GitHub Actions, kept to prove that
// `buildinfo conformance` finds exactly the mistakes official plugins made, and nothing else:
// 1. Jenkins: each commit's message is the change set's `msg`, its first line only (the official plugin);
// 2. Jenkins: GIT_BRANCH is sent as it is, `origin/` and all;
// 3. Jenkins: an SSH or scp-form GIT_URL is sent as it is (an https one is cleaned as it should be);
// 4. GitHub Actions: commits only for a push event, and only those its payload lists;
// 5. Jenkins: at most 100 commits.
// Everything else it does right. It pushes with plain HTTP (node:http), as a plugin in any language would.
// Usage: node naive-plugin.mjs PACKAGE_ID VERSION   (the Octopus server from OCTOPUS_URL and OCTOPUS_API_KEY)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";

const env = process.env;
const [packageId, version] = process.argv.slice(2);

function get(url) {
  return new Promise((resolve, reject) => {
    request(url, { headers: { accept: "application/json" } }, (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode, body }));
    })
      .on("error", reject)
      .end();
  });
}

function gitCommits(range) {
  const log = execFileSync("git", ["log", "-z", "--format=%H%x00%B", range], { encoding: "utf8" });
  const fields = log.split("\0");
  const commits = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    commits.push({ Id: fields[index].trim(), Comment: fields[index + 1].trimEnd() });
  }
  return commits;
}

function httpsRoot(url) {
  if (!/^https?:\/\//.test(url)) return url; // mistake 3
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\.git$/, "")}`;
}

async function jenkins() {
  if (env.SVN_REVISION) {
    console.error("naive-plugin: Subversion is not supported by Octopus build information.");
    process.exit(2);
  }
  const build = JSON.parse((await get(`${env.BUILD_URL}api/json`)).body);
  const sets = build.changeSets ?? (build.changeSet ? [build.changeSet] : []);
  const items = sets.flatMap((set) => set.items ?? []).reverse();
  let commits = items.map((item) => ({ Id: item.commitId, Comment: item.msg })); // mistake 1
  if (commits.length === 0) {
    const since =
      env.GIT_PREVIOUS_SUCCESSFUL_COMMIT ??
      env.GIT_PREVIOUS_COMMIT ??
      (env.CHANGE_TARGET ? `origin/${env.CHANGE_TARGET}` : `${env.GIT_COMMIT}^`);
    commits = gitCommits(`${since}..${env.GIT_COMMIT}`);
  }
  return {
    BuildEnvironment: "Jenkins",
    BuildNumber: env.BUILD_NUMBER,
    BuildUrl: env.BUILD_URL,
    Branch: env.CHANGE_BRANCH ?? env.BRANCH_NAME ?? env.GIT_BRANCH, // mistake 2
    VcsType: "Git",
    VcsRoot: httpsRoot(env.GIT_URL),
    VcsCommitNumber: env.GIT_COMMIT,
    Commits: commits.slice(0, 100), // mistake 5
  };
}

function githubActions() {
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  const pushed = env.GITHUB_EVENT_NAME === "push" ? (event.commits ?? []) : []; // mistake 4
  return {
    BuildEnvironment: "GitHub Actions",
    BuildNumber: env.GITHUB_RUN_NUMBER,
    BuildUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`,
    Branch: env.GITHUB_HEAD_REF || env.GITHUB_REF.replace(/^refs\/heads\//, ""),
    VcsType: "Git",
    VcsRoot: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`,
    VcsCommitNumber: env.GITHUB_SHA,
    Commits: pushed.map((commit) => ({ Id: commit.id, Comment: commit.message })).reverse(),
  };
}

const buildInformation = env.JENKINS_URL
  ? await jenkins()
  : env.GITHUB_ACTIONS === "true"
    ? githubActions()
    : undefined;
if (buildInformation === undefined) {
  console.error("naive-plugin: only Jenkins and GitHub Actions are supported.");
  process.exit(2);
}
const rerun = Number(env.GITHUB_RUN_ATTEMPT ?? "1") > 1;
const body = JSON.stringify({
  PackageId: packageId,
  Version: version,
  OverwriteMode: rerun ? "IgnoreIfExists" : "FailIfExists",
  OctopusBuildInformation: buildInformation,
});
const pushed = await new Promise((resolve, reject) => {
  // The unspaced route stores into the default space.
  request(
    `${env.OCTOPUS_URL}/api/build-information`,
    {
      method: "POST",
      headers: { "content-type": "application/json", "x-octopus-apikey": env.OCTOPUS_API_KEY },
    },
    (response) => {
      let text = "";
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode, text }));
    },
  )
    .on("error", reject)
    .end(body);
});
if (pushed.status < 200 || pushed.status > 299) {
  console.error(`naive-plugin: Octopus answered ${pushed.status}: ${pushed.text}`);
  process.exit(1);
}
console.log(`naive-plugin: pushed ${packageId} ${version}`);
