import { describe, expect, it } from "vitest";
import { redactSecrets, redactUrl } from "../src/index";

const apiKey = "API-BUILDINFOTESTKEY0000000000000";

describe("redactSecrets", () => {
  it.each([
    [`X-Octopus-ApiKey: ${apiKey}`, "X-Octopus-ApiKey: ***"],
    [`using key ${apiKey} now`, "using key API-*** now"],
    ["Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig-nature_", "Authorization: ***"],
    ["authorization=Basic dXNlcjpwYXNzd29yZA==", "authorization=***"],
    ['{"Authorization":"Bearer abcdefgh12345678"}', '{"Authorization":"***"}'],
    ["token Bearer abcdefgh12345678== used", "token Bearer *** used"],
    [
      "clone https://gitlab-ci-token:glcbt-64_abc@gitlab.example.com/a/b.git failed",
      "clone https://***@gitlab.example.com/a/b.git failed",
    ],
    ["https://oauth2@dev.azure.com/acme", "https://***@dev.azure.com/acme"],
    ["GET https://ci.example.com/api?token=s3cr3t&x=1", "GET https://ci.example.com/api?token=***&x=1"],
    [
      "GET https://octopus.example.com/api?apikey=API-SHORT",
      "GET https://octopus.example.com/api?apikey=***",
    ],
    ["push with ghp_abcdefghijklmnopqrstuvwxyz0123456789", "push with ***"],
    ["glpat-abcdefghijklmnopqrstu is a GitLab token", "*** is a GitLab token"],
  ])("redacts %j", (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it("redacts the explicit secrets, also URL-encoded, longest first", () => {
    const secret = "p@ss/word+1";
    const text = `password ${secret} in ${encodeURIComponent(secret)} and p@ss`;
    expect(redactSecrets(text, [secret, "p@ss", ""])).toBe("password *** in *** and ***");
  });

  it("leaves ordinary text, ssh remotes and API-GUEST alone", () => {
    const text = "git@github.com:acme/shop-web.git SHOP-12 fixes #41 API-GUEST Bearer of bad news";
    expect(redactSecrets(text)).toBe(text);
  });

  it("redacts a secret repeated in a 5 MB text", () => {
    const text = `${"line with s3cr3t-value\n".repeat(230_000)}`;
    const result = redactSecrets(text, ["s3cr3t-value"]);
    expect(result).not.toContain("s3cr3t-value");
    expect(result.startsWith("line with ***\n")).toBe(true);
  });
});

describe("redactUrl", () => {
  it.each([
    ["https://user:pa55word@octopus.example.com/api", "https://***@octopus.example.com/api"],
    ["https://token@github.com/acme/shop", "https://***@github.com/acme/shop"],
    [
      "https://octopus.example.com/api?apiKey=API-XYZ&take=1",
      "https://octopus.example.com/api?apiKey=***&take=1",
    ],
    [
      // The same credential names the build URL normalisation drops (credential-params.ts).
      "https://s3.example.com/log?X-Amz-Credential=AKIA1&X-Amz-Signature=abc&client_secret=c&pwd=p&page=2",
      "https://s3.example.com/log?X-Amz-Credential=***&X-Amz-Signature=***&client_secret=***&pwd=***&page=2",
    ],
    ["https://octopus.example.com/app#/Spaces-1", "https://octopus.example.com/app#/Spaces-1"],
    ["not a url with ghp_abcdefghijklmnopqrstuvwxyz0123", "not a url with ***"],
  ])("redacts %j", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
