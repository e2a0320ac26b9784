import { BuildInfoError } from "@buildinfo/core";
import type { XMLParser } from "fast-xml-parser";

/** One change of `/app/rest/changes`, as requested with `fields=…change(version,comment,vcsRootInstance(vcs-root-id))`. */
export interface TeamCityChange {
  /** The revision: the SHA for Git, the changeset number for TFVC. */
  version: string;
  comment: string;
  /** The external id of the change's VCS root, when the server reports it. */
  vcsRootId: string | undefined;
}

interface TeamCityChangesPage {
  changes: TeamCityChange[];
  nextHref: string | undefined;
}

let xmlParser: Promise<XMLParser> | undefined;

/**
 * fast-xml-parser and its dependencies are most of what the adapter registry weighs, so they are loaded
 * only when a page in XML arrives: every command loads the registry, few read TeamCity's XML
 * (docs/performance.md).
 */
function loadXmlParser(): Promise<XMLParser> {
  xmlParser ??= import("fast-xml-parser").then(({ XMLParser }) => new XMLParser(xmlOptions));
  return xmlParser;
}

const xmlOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Versions and comments stay strings ("0123", "1e5"), with their whitespace and line breaks.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Without it fast-xml-parser 5 leaves numeric references (`&#233;`, `&#xD;`) undecoded.
  htmlEntities: true,
  isArray: (name: string) => name === "change",
};

type Node = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

function fromJson(body: string): TeamCityChangesPage {
  const page = JSON.parse(body) as { count?: unknown; nextHref?: unknown; change?: Node[] } | null;
  if (page === null || typeof page !== "object" || (page.count === undefined && page.change === undefined)) {
    throw new Error("not a TeamCity changes list");
  }
  return {
    nextHref: text(page.nextHref),
    changes: (page.change ?? []).flatMap((change) => {
      const version = text(change.version);
      const root = change.vcsRootInstance as Node | undefined;
      return version === undefined
        ? []
        : [{ version, comment: text(change.comment) ?? "", vcsRootId: text(root?.["vcs-root-id"]) }];
    }),
  };
}

function fromXml(xml: XMLParser, body: string): TeamCityChangesPage {
  const root = (xml.parse(body) as { changes?: Node | string }).changes;
  if (root === undefined) throw new Error("no <changes> element");
  // An empty `<changes count="0"/>` has attributes, so it parses to an object too.
  const changes = typeof root === "string" ? {} : root;
  return {
    nextHref: text(changes["@_nextHref"]),
    changes: ((changes.change as Node[] | undefined) ?? []).flatMap((change) => {
      const version = text(change["@_version"]);
      const root = change.vcsRootInstance as Node | undefined;
      const comment = change.comment;
      return version === undefined
        ? []
        : [
            {
              version,
              // `<comment/>` parses to "" and a comment element with attributes to { "#text": … }.
              comment: text(comment) ?? text((comment as Node | undefined)?.["#text"]) ?? "",
              vcsRootId: text(root?.["@_vcs-root-id"]),
            },
          ];
    }),
  };
}

/** A page of `/app/rest/changes` in XML (TeamCity's default) or JSON, told apart by Content-Type, else by its first character. */
export async function parseTeamCityChangesPage(
  body: string,
  contentType: string | undefined,
  source: string,
): Promise<TeamCityChangesPage> {
  const json = contentType ? /json/i.test(contentType) : body.trimStart().startsWith("{");
  const xml = json ? undefined : await loadXmlParser();
  try {
    return xml === undefined ? fromJson(body) : fromXml(xml, body);
  } catch (error) {
    throw new BuildInfoError(
      "E_BUILD_SERVER_RESPONSE",
      `${source} answered with ${json ? "JSON" : "XML"} that cannot be read.`,
      {
        hint: "Check that teamcity.serverUrl points at TeamCity (not a proxy's login page).",
        source,
        cause: error,
      },
    );
  }
}
