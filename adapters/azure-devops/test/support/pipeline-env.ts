import type { Environment } from "@buildinfo/core";
import { BUILD_ID, PROJECT_ID, REPOSITORY_ID } from "./fake-azure-devops";

/** An Azure Pipelines job's predefined variables (docs/reference/servers/azure-devops.md#environment) for project "Shop Web". */
export function pipelineEnv(
  collectionUrl: string,
  overrides: Record<string, string | undefined>,
): Environment {
  return {
    TF_BUILD: "True",
    AGENT_NAME: "Hosted Agent",
    AGENT_OS: "Linux",
    BUILD_BUILDID: BUILD_ID,
    BUILD_BUILDNUMBER: "20250106.3 (main)",
    BUILD_BUILDURI: `vstfs:///Build/Build/${BUILD_ID}`,
    BUILD_DEFINITIONNAME: "shop-web-ci",
    BUILD_REASON: "IndividualCI",
    BUILD_REPOSITORY_ID: REPOSITORY_ID,
    BUILD_REPOSITORY_NAME: "web",
    SYSTEM_COLLECTIONURI: collectionUrl,
    SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: collectionUrl,
    SYSTEM_TEAMPROJECT: "Shop Web",
    SYSTEM_TEAMPROJECTID: PROJECT_ID,
    SYSTEM_DEFINITIONID: "12",
    ...overrides,
  };
}
