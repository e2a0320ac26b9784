import type { AdapterManifest } from "@buildinfo/core";

/** Bamboo (docs/reference/servers/bamboo.md): the plan repository's variables and the result's changes from its REST API. */
export const manifest: AdapterManifest = {
  id: "bamboo",
  displayName: "Bamboo",
  detectWhen: [
    // Bamboo exports these for every job; ci-info looks at bamboo_planKey, env-ci at bamboo_agentId.
    [{ variable: "bamboo_buildKey" }],
    [{ variable: "bamboo_planKey" }],
    [{ variable: "bamboo_agentId" }],
  ],
  options: [
    {
      key: "planRepository",
      flag: "plan-repository",
      valueName: "NAME",
      help: "Bamboo: the plan repository to describe (its name or position) when the plan has several",
    },
  ],
  historyFix: "clear 'Use shallow clones' in the plan repository's advanced options",
  loadCollector: async () => (await import("./collector")).collect,
};
