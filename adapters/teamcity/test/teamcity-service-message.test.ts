import { describe, expect, it } from "vitest";
import { escapeTeamCityValue, teamCityServiceMessage } from "../src/teamcity-service-message";

describe("TeamCity service-message escaping", () => {
  it("escapes the bar first, then quotes, line breaks and brackets", () => {
    expect(escapeTeamCityValue("a|b")).toBe("a||b");
    expect(escapeTeamCityValue("it's")).toBe("it|'s");
    expect(escapeTeamCityValue("one\ntwo\r\nthree")).toBe("one|ntwo|r|nthree");
    expect(escapeTeamCityValue("[x]")).toBe("|[x|]");
    expect(escapeTeamCityValue("|'[]\n\r")).toBe("|||'|[|]|n|r");
  });

  it("never double-escapes: an escaped bar stays one pair", () => {
    expect(escapeTeamCityValue("|n")).toBe("||n");
    expect(escapeTeamCityValue("||")).toBe("||||");
  });

  it("writes characters outside printable ASCII as |0xNNNN", () => {
    expect(escapeTeamCityValue("café")).toBe("caf|0x00E9");
    expect(escapeTeamCityValue("a\u2028b")).toBe("a|0x2028b");
    expect(escapeTeamCityValue("\u0085")).toBe("|0x0085");
    expect(escapeTeamCityValue("\u0001")).toBe("|0x0001");
    // A character outside the BMP is two UTF-16 code units, each written as one escape.
    expect(escapeTeamCityValue("😀")).toBe("|0xD83D|0xDE00");
  });

  it("keeps tabs and plain text as they are", () => {
    expect(escapeTeamCityValue("plain text\twith tab")).toBe("plain text\twith tab");
  });

  it("builds a one-line message with every attribute escaped", () => {
    expect(
      teamCityServiceMessage("message", { text: "Can't push [Acme.Web]\nsee log", status: "ERROR" }),
    ).toBe("##teamcity[message text='Can|'t push |[Acme.Web|]|nsee log' status='ERROR']");
    expect(teamCityServiceMessage("blockOpened", { name: "Pushing | 2 packages" })).toBe(
      "##teamcity[blockOpened name='Pushing || 2 packages']",
    );
  });
});
