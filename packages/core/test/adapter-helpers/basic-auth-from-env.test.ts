import { describe, expect, it } from "vitest";
import { basicAuthFromEnv } from "../../src/index";

describe("basicAuthFromEnv", () => {
  it("returns the user and the secret when both are set", () => {
    const env = { JENKINS_USER_ID: "ci-bot", JENKINS_API_TOKEN: "11aa22bb" };
    expect(basicAuthFromEnv(env, "JENKINS_USER_ID", "JENKINS_API_TOKEN")).toEqual({
      username: "ci-bot",
      password: "11aa22bb",
    });
  });

  it("keeps both values verbatim, spaces inside a secret included", () => {
    const env = { USER: "ci bot", SECRET: " pass word " };
    expect(basicAuthFromEnv(env, "USER", "SECRET")).toEqual({ username: "ci bot", password: " pass word " });
  });

  it.each([
    ["the user is unset", { SECRET: "s3cret" }],
    ["the secret is unset", { USER: "ci-bot" }],
    ["both are unset", {}],
    ["the user is empty", { USER: "", SECRET: "s3cret" }],
    ["the secret is empty", { USER: "ci-bot", SECRET: "" }],
    ["the user is whitespace", { USER: "  ", SECRET: "s3cret" }],
    ["the secret is whitespace", { USER: "ci-bot", SECRET: "\t\n" }],
  ])("is undefined when %s", (_case, env: Record<string, string>) => {
    expect(basicAuthFromEnv(env, "USER", "SECRET")).toBeUndefined();
  });

  it("reads the variables it is told to, not others", () => {
    const env = { BAMBOO_USERNAME: "admin", BAMBOO_PASSWORD: "pw", JENKINS_USER_ID: "other" };
    expect(basicAuthFromEnv(env, "BAMBOO_USERNAME", "BAMBOO_PASSWORD")).toEqual({
      username: "admin",
      password: "pw",
    });
    expect(basicAuthFromEnv(env, "JENKINS_USER_ID", "JENKINS_API_TOKEN")).toBeUndefined();
  });
});
