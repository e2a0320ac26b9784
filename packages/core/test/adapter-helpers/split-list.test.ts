import { describe, expect, it } from "vitest";
import { splitList } from "../../src/index";

describe("splitList", () => {
  it("splits on newlines (LF, CRLF, CR) and commas, trimming every entry", () => {
    expect(splitList("Acme.Web\r\nAcme.Api\nAcme.Worker\rAcme.Jobs")).toEqual([
      "Acme.Web",
      "Acme.Api",
      "Acme.Worker",
      "Acme.Jobs",
    ]);
    expect(splitList(" Acme.Web , Acme.Api,Acme.Worker ")).toEqual(["Acme.Web", "Acme.Api", "Acme.Worker"]);
  });

  it("accepts commas and newlines mixed", () => {
    expect(splitList("a, b\nc,\n d")).toEqual(["a", "b", "c", "d"]);
  });

  it("drops empty and whitespace-only entries", () => {
    expect(splitList("\n\n a ,, ,\n\t\n b \n,")).toEqual(["a", "b"]);
  });

  it("keeps spaces inside an entry", () => {
    expect(splitList("My Package, Other Package")).toEqual(["My Package", "Other Package"]);
  });

  it.each([undefined, "", "   ", "\r\n", ", ,\n,"])("is empty for %j", (text) => {
    expect(splitList(text)).toEqual([]);
  });
});
