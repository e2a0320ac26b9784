import { describe, expect, it } from "vitest";
import { parseAzureDevOpsBuildUrl } from "../../../packages/core/src/work-items/azure-devops-build-urls";
import { azureDevOpsBuildUrl } from "../src/build-url";

describe("azureDevOpsBuildUrl", () => {
  it.each([
    ["https://dev.azure.com/acme/", "Shop", "https://dev.azure.com/acme/Shop/_build/results?buildId=1430"],
    ["https://dev.azure.com/acme", "Shop", "https://dev.azure.com/acme/Shop/_build/results?buildId=1430"],
    [
      "https://acme.visualstudio.com/",
      "Shop Web",
      "https://acme.visualstudio.com/Shop%20Web/_build/results?buildId=1430",
    ],
    [
      "https://tfs.example.com/tfs/DefaultCollection/",
      "R&D #1",
      "https://tfs.example.com/tfs/DefaultCollection/R%26D%20%231/_build/results?buildId=1430",
    ],
  ])("%s + %s", (collection, project, expected) => {
    const url = azureDevOpsBuildUrl(collection, project, "1430");
    expect(url).toBe(expected);
    const parsed = parseAzureDevOpsBuildUrl(url);
    expect(parsed?.buildId).toBe(1430);
    expect(parsed?.projectUrl).toBe(expected.slice(0, expected.indexOf("/_build")));
  });
});
