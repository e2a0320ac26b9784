import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodePropertiesFile, parseJavaProperties } from "../src/java-properties";

interface PropertiesCase {
  name: string;
  /** Where the case comes from: an OpenJDK test or a rule of the Javadoc of Properties.load(Reader). */
  source: string;
  input: string;
  expected?: Record<string, string>;
  error?: string;
}

const { cases } = JSON.parse(
  readFileSync(new URL("./java-properties-cases.json", import.meta.url), "utf8"),
) as {
  cases: PropertiesCase[];
};

describe("parseJavaProperties against java.util.Properties.load (OpenJDK's tests and the Javadoc's rules)", () => {
  it.each(cases)("$name", ({ input, expected, error }) => {
    if (error !== undefined) {
      expect(() => parseJavaProperties(input, "cases.properties")).toThrow(
        expect.objectContaining({ code: error }),
      );
    } else {
      expect(Object.fromEntries(parseJavaProperties(input))).toEqual(expected);
    }
  });
});

describe("parseJavaProperties", () => {
  it("reads a file as TeamCity (java.util.Properties.store) writes it", () => {
    const text = [
      "#TeamCity build properties without 'system.' prefix",
      "#Thu Nov 26 04:56:00 UTC 2026",
      "teamcity.serverUrl=https\\://tc.example.com\\:8111/tc",
      "teamcity.auth.password=p\\=ss\\#w\\!rd\\\\",
      "teamcity.build.checkoutDir=C\\:\\\\BuildAgent\\\\work\\\\3f2a",
      "teamcity.build.branch=feature/caf\\u00E9-\\u2603",
      "",
    ].join("\r\n");
    expect(Object.fromEntries(parseJavaProperties(text))).toEqual({
      "teamcity.serverUrl": "https://tc.example.com:8111/tc",
      "teamcity.auth.password": "p=ss#w!rd\\",
      "teamcity.build.checkoutDir": "C:\\BuildAgent\\work\\3f2a",
      "teamcity.build.branch": "feature/café-☃",
    });
  });

  it("splits at the first unescaped '=', ':' or whitespace, as Java does", () => {
    const text = [
      "a=1",
      "b:2",
      "c 3",
      "d \t = \t 4 with = inside",
      "e\\=key\\:part\\ x = 5",
      "f",
      "g=",
      "  h  :  ",
      "i=  leading kept? no, trailing kept  ",
    ].join("\n");
    expect(Object.fromEntries(parseJavaProperties(text))).toEqual({
      a: "1",
      b: "2",
      c: "3",
      d: "4 with = inside",
      "e=key:part x": "5",
      f: "",
      g: "",
      h: "",
      i: "leading kept? no, trailing kept  ",
    });
  });

  it("joins continuation lines, dropping the next line's leading whitespace", () => {
    const text = [
      "fruits = apple, banana, \\",
      "         pear, \\",
      "   # not a comment here",
      "path=C:\\\\dir\\\\",
      "next=value",
      "tail=ends with a lone backslash\\",
    ].join("\n");
    expect(Object.fromEntries(parseJavaProperties(text))).toEqual({
      fruits: "apple, banana, pear, # not a comment here",
      path: "C:\\dir\\",
      next: "value",
      tail: "ends with a lone backslash",
    });
  });

  it("skips '#' and '!' comments and blank lines, lets later keys win, decodes \\t \\n \\r \\f", () => {
    const text = "  # comment = x\n\t! also a comment\n\n   \nk=first\nk=second\nesc=a\\tb\\nc\\rd\\fe\\qf\n";
    expect(Object.fromEntries(parseJavaProperties(text))).toEqual({
      k: "second",
      esc: "a\tb\nc\rd\fe" + "qf",
    });
  });

  it("combines \\u surrogate pairs and rejects a malformed \\u escape", () => {
    expect(parseJavaProperties("smile=\\uD83D\\uDE00").get("smile")).toBe("😀");
    expect(() => parseJavaProperties("bad=\\u12G4", "build.properties")).toThrow(
      expect.objectContaining({ code: "E_PROPERTIES_FORMAT", source: "build.properties" }),
    );
  });

  it("decodes ISO-8859-1 files and UTF-8 files", () => {
    expect(decodePropertiesFile(Buffer.from("name=Zo\u00eb\n", "latin1"))).toBe("name=Zoë\n");
    expect(decodePropertiesFile(Buffer.from("name=Zo\u00eb \u2603\n", "utf8"))).toBe("name=Zoë ☃\n");
    expect(decodePropertiesFile(Uint8Array.from([0x61, 0x3d, 0x80]))).toBe("a=\u0080");
  });
});
