import { describe, expect, it } from "vitest";
import { parseJiraKeys } from "../src/index";

describe("parseJiraKeys (the Jira tracker's regex, docs/reference/octopus-work-items.md#jira)", () => {
  it.each([
    ["JRE-1234", ["JRE-1234"]],
    ["[JRE-1234]", ["JRE-1234"]],
    ["(BT2-1234)", ["BT2-1234"]],
    ["Bt2-1234,Bt2-2345", ["Bt2-1234", "Bt2-2345"]],
    ["feature/JRE-1234-Product", ["JRE-1234"]],
    ["ABC-12 and XY-3", ["ABC-12", "XY-3"]],
    ["bt2-1", ["bt2-1"]],
    ["-2-bar", []],
    ["test.TST-01.com", []],
    ["test-foo-2", []],
    ["$foo-1", []],
    ["Feature-0day", []],
    ["2022-10-13", []],
    ["ABC-12day", []],
    ["A-1 is too short", []],
    ["SHOP-12 cache prices\n\nFixes #41 and relates to SHOP-13.", ["SHOP-12", "SHOP-13"]],
  ])("finds in %j: %j", (text, keys) => {
    expect(parseJiraKeys(text)).toEqual(keys);
  });

  it("scans a 5 MB message", () => {
    const text = `${"lorem ipsum dolor-sit 2022-10-13 ".repeat(160_000)} SHOP-9`;
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(parseJiraKeys(text)).toEqual(["SHOP-9"]);
  });
});
