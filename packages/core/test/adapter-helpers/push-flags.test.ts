import { describe, expect, it } from "vitest";
import { pushFlags } from "../../src/index";

describe("pushFlags", () => {
  it("gives every field as a flag, one --package-id per package, in a fixed order", () => {
    expect(
      pushFlags({
        packageIds: ["Acme.Web", "Acme.Api"],
        version: "1.2.3",
        overwriteMode: "OverwriteExisting",
        server: "https://octopus.example.com",
        space: "Spaces-2",
      }),
    ).toEqual([
      "--package-id",
      "Acme.Web",
      "--package-id",
      "Acme.Api",
      "--version",
      "1.2.3",
      "--overwrite-mode",
      "OverwriteExisting",
      "--server",
      "https://octopus.example.com",
      "--space",
      "Spaces-2",
    ]);
  });

  it("leaves out unset fields so the CLI's defaults apply", () => {
    expect(pushFlags({ packageIds: ["Acme.Web"] })).toEqual(["--package-id", "Acme.Web"]);
    expect(pushFlags({ packageIds: [], space: "Default" })).toEqual(["--space", "Default"]);
    expect(
      pushFlags({
        packageIds: [],
        version: undefined,
        overwriteMode: undefined,
        server: undefined,
        space: undefined,
      }),
    ).toEqual([]);
  });

  it("passes a set value through as given, even an empty one", () => {
    expect(pushFlags({ packageIds: [], version: "" })).toEqual(["--version", ""]);
  });
});
