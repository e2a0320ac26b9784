import { describe, expect, it } from "vitest";
import { parseTeamCityChangesPage } from "../src/teamcity-changes-page";

describe("parseTeamCityChangesPage", async () => {
  it("reads the XML TeamCity returns without fields= (the real shape of a 3-change build): versions, no comments", async () => {
    const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<changes count="3" href="/httpAuth/app/rest/changes?locator=build:id:35803">
    <change id="150056" version="20afc22677641d1fd16cb65821539aee8e0761dd" username="j.m.szczepanik" date="20180510T101554+0000" href="/httpAuth/app/rest/changes/id:150056" webUrl="http://dev-ci.cloudapp.net:82/viewModification.html?modId=150056&amp;personal=false"/>
    <change id="150055" version="9bce3b402cfd2e9aa7c5d1fcbd85a057a50f4d35" username="bartosz.dotryw" date="20180510T095556+0000" href="/httpAuth/app/rest/changes/id:150055" webUrl="http://dev-ci.cloudapp.net:82/viewModification.html?modId=150055&amp;personal=false"/>
    <change id="150054" version="acff9e43fbbaad8870fd1a99e30a43994dbb4629" username="bartosz.dotryw" date="20180509T160841+0000" href="/httpAuth/app/rest/changes/id:150054" webUrl="http://dev-ci.cloudapp.net:82/viewModification.html?modId=150054&amp;personal=false"/>
</changes>`;
    expect(await parseTeamCityChangesPage(body, "application/xml", "test")).toEqual({
      nextHref: undefined,
      changes: [
        { version: "20afc22677641d1fd16cb65821539aee8e0761dd", comment: "", vcsRootId: undefined },
        { version: "9bce3b402cfd2e9aa7c5d1fcbd85a057a50f4d35", comment: "", vcsRootId: undefined },
        { version: "acff9e43fbbaad8870fd1a99e30a43994dbb4629", comment: "", vcsRootId: undefined },
      ],
    });
  });

  it("decodes entities and character references and keeps a multi-line comment's whitespace", async () => {
    const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<changes count="1" nextHref="/app/rest/changes?locator=build:(id:7),count:1,start:1&amp;fields=change(version,comment)">
  <change id="12" version="0012"><comment>  Fix &lt;Price&gt; &amp; &quot;tax&quot; for caf&#233; &#x2615;&#xD;
&#10;    indented line
last line
</comment><vcsRootInstance id="5" vcs-root-id="Shop_Web" name="web" href="/app/rest/vcs-root-instances/id:5"/></change>
</changes>`;
    expect(await parseTeamCityChangesPage(body, undefined, "test")).toEqual({
      nextHref: "/app/rest/changes?locator=build:(id:7),count:1,start:1&fields=change(version,comment)",
      changes: [
        {
          version: "0012",
          comment: '  Fix <Price> & "tax" for café ☕\r\n\n    indented line\nlast line\n',
          vcsRootId: "Shop_Web",
        },
      ],
    });
  });

  it("reads the JSON shape, and a single change is still a list", async () => {
    const json = JSON.stringify({
      count: 1,
      change: [
        {
          id: 5512,
          version: "c0ffee12",
          comment: "SHOP-9 add retry\n\nCloses #12\n",
          vcsRootInstance: { id: "3", "vcs-root-id": "Shop_Web" },
        },
      ],
    });
    expect((await parseTeamCityChangesPage(json, "application/json;charset=UTF-8", "test")).changes).toEqual([
      { version: "c0ffee12", comment: "SHOP-9 add retry\n\nCloses #12\n", vcsRootId: "Shop_Web" },
    ]);
    const single = '<changes count="1"><change version="1"><comment>one</comment></change></changes>';
    expect((await parseTeamCityChangesPage(single, "application/xml", "test")).changes).toHaveLength(1);
  });

  it("names the endpoint when the body is not what TeamCity sends", async () => {
    for (const [body, type] of [
      ["<html><body>Log in to TeamCity</body></html>", "text/html"],
      ['{"message":"hello"}', "application/json"],
    ]) {
      await expect(parseTeamCityChangesPage(body!, type, "https://tc/app/rest/changes")).rejects.toThrow(
        expect.objectContaining({ code: "E_BUILD_SERVER_RESPONSE" }),
      );
    }
    expect((await parseTeamCityChangesPage('<changes count="0"/>', "application/xml", "t")).changes).toEqual(
      [],
    );
    expect((await parseTeamCityChangesPage('{"count":0}', "application/json", "t")).changes).toEqual([]);
    await expect(
      parseTeamCityChangesPage("{not json", "application/json", "https://tc/app/rest/changes"),
    ).rejects.toThrow(expect.objectContaining({ code: "E_BUILD_SERVER_RESPONSE", kind: "remote" }));
  });
});
