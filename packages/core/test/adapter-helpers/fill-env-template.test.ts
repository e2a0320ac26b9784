import { describe, expect, it } from "vitest";
import { fillEnvTemplate } from "../../src/index";

const runTemplate = "{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}/actions/runs/{GITHUB_RUN_ID}";

describe("fillEnvTemplate", () => {
  it("fills every placeholder, with the template as the source", () => {
    const env = {
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_RUN_ID: "42",
    };
    expect(fillEnvTemplate(env, runTemplate)).toEqual({
      value: "https://github.com/acme/shop/actions/runs/42",
      source: runTemplate,
    });
  });

  it("strips a value's trailing slashes when the template puts a slash after it", () => {
    const env = {
      GITHUB_SERVER_URL: "https://ghe.example.com//",
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_RUN_ID: "7",
    };
    expect(fillEnvTemplate(env, runTemplate)?.value).toBe("https://ghe.example.com/acme/shop/actions/runs/7");
  });

  it("keeps a value's trailing slash when no slash follows it in the template", () => {
    expect(fillEnvTemplate({ ROOT: "https://host/app/" }, "{ROOT}")?.value).toBe("https://host/app/");
    expect(fillEnvTemplate({ ROOT: "https://host/" }, "{ROOT}?x=1")?.value).toBe("https://host/?x=1");
    expect(fillEnvTemplate({ A: "x/", B: "y/" }, "{A}{B}/z")?.value).toBe("x/y/z");
  });

  it("trims every value", () => {
    expect(fillEnvTemplate({ HOST: "  https://host/ \n", ID: " 9 " }, "{HOST}/builds/{ID}")?.value).toBe(
      "https://host/builds/9",
    );
  });

  it.each([
    ["unset", {}],
    ["empty", { GITHUB_RUN_ID: "" }],
    ["whitespace", { GITHUB_RUN_ID: " \t" }],
  ])("is undefined when one variable is %s", (_case, overrides: Record<string, string>) => {
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/shop", ...overrides };
    expect(fillEnvTemplate(env, runTemplate)).toBeUndefined();
  });

  it("fills a variable used twice in both places", () => {
    expect(fillEnvTemplate({ ID: "5" }, "{ID}-{ID}")).toEqual({ value: "5-5", source: "{ID}-{ID}" });
  });

  it("keeps text outside placeholders, `$` patterns and URL fragments included", () => {
    const template = "https://bitbucket.org/{REPO}/addon/pipelines/home#!/results/{BUILD}";
    expect(fillEnvTemplate({ REPO: "acme/shop", BUILD: "$&12" }, template)?.value).toBe(
      "https://bitbucket.org/acme/shop/addon/pipelines/home#!/results/$&12",
    );
  });

  it("returns a template without placeholders as it is", () => {
    expect(fillEnvTemplate({}, "https://bitbucket.org")).toEqual({
      value: "https://bitbucket.org",
      source: "https://bitbucket.org",
    });
  });
});
