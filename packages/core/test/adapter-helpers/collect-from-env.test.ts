import { describe, expect, it } from "vitest";
import { type AdapterContext, collectFromEnv } from "../../src/index";

describe("collectFromEnv", () => {
  it("hands the context's environment to the collector and resolves to its draft", async () => {
    const collect = collectFromEnv((env) => ({ buildEnvironment: "Test", buildNumber: env.BUILD_NUMBER }));
    const context = { env: { BUILD_NUMBER: "42" } } as unknown as AdapterContext;
    await expect(collect(context)).resolves.toEqual({ buildEnvironment: "Test", buildNumber: "42" });
  });
});
