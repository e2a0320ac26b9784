import type { BuildInformation } from "@buildinfo/core";

export { rejection } from "../../http/test/support/rejection";

export const apiKey = "API-STUBKEY00000000000000000000";

export const buildInformation: BuildInformation = {
  BuildEnvironment: "GitLab CI",
  BuildNumber: "311",
  BuildUrl: "https://gitlab.example.com/shop/api/-/pipelines/88120",
  Branch: "release/2.7",
  VcsType: "Git",
  VcsRoot: "https://gitlab.example.com/shop/api",
  VcsCommitNumber: "4b1d0c3e5f",
  Commits: [
    { Id: "4b1d0c3e5f", Comment: "SHOP-88 cache price lookups\n\nCloses #41" },
    { Id: "a07e9912cd", Comment: "Bump test deps" },
  ],
};

/** Short waits so retry tests take milliseconds. */
export const fastRetry = { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 }, env: {} };
