import type { Environment } from "@buildinfo/core";

/** The variables a GitHub-hosted runner sets for a job (docs/reference/servers/github-actions.md#environment), for Codertocat/Hello-World. */
export function githubEnv(overrides: Record<string, string | undefined>): Environment {
  return {
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_REPOSITORY_OWNER: "Codertocat",
    GITHUB_RUN_ID: "9512388204",
    GITHUB_RUN_NUMBER: "57",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_WORKFLOW: "build",
    GITHUB_JOB: "package",
    GITHUB_HEAD_REF: "",
    GITHUB_BASE_REF: "",
    RUNNER_OS: "Linux",
    ...overrides,
  };
}
