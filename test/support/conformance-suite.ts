import { collectBuildInformation, manifestById } from "@buildinfo/collect";
import {
  createFixtureWorkspace,
  expectedFields,
  type FixtureWorkspace,
  histories,
  serverVectors,
} from "@buildinfo/conformance";
import { type AdapterOptions, type BuildInformation, rerunOf } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The record as Octopus stores it: every field present, `null` where nothing was sent. */
function asStored(buildInformation: BuildInformation): Record<string, unknown> {
  return Object.fromEntries(expectedFields.map((field) => [field, buildInformation[field] ?? null]));
}

export interface ConformanceSuiteOptions {
  /** Each set of adapter options the cases run with (TeamCity's REST formats), by a name for the test. */
  variants?: { name: string; options: AdapterOptions }[];
}

/**
 * The server's vectors of @buildinfo/conformance (the data `buildinfo conformance` checks plugins
 * with), each case laid out as the runner lays it out and collected in-process by the server's adapter:
 * the expected record, field by field, or the rejection of an unsupported VCS.
 */
export function conformanceSuite(server: string, options: ConformanceSuiteOptions = {}): void {
  const vectors = serverVectors.find((file) => file.server === server);
  if (vectors === undefined)
    throw new Error(`no vectors for ${server} in packages/conformance/vectors/servers/`);
  const manifest = manifestById(server);
  const variants = options.variants ?? [{ name: "", options: {} }];

  describe(`conformance: ${vectors.name}`, () => {
    let workspace: FixtureWorkspace;
    const http = createHttpClient();
    beforeAll(async () => {
      workspace = await createFixtureWorkspace(histories);
    });
    afterAll(async () => {
      await http.close();
      await workspace?.close();
    });

    for (const conformanceCase of vectors.cases) {
      for (const variant of variants) {
        const label = variant.name === "" ? conformanceCase.id : `${conformanceCase.id} (${variant.name})`;
        it(`${label}: ${conformanceCase.title}`, async () => {
          const fixture = await workspace.prepare(server, conformanceCase);
          try {
            const collecting = collectBuildInformation({
              adapter: manifest,
              env: fixture.env,
              cwd: fixture.cwd,
              http,
              options: variant.options,
            });
            if (fixture.expected === undefined) {
              await expect(collecting).rejects.toMatchObject({ code: "E_VCS_UNSUPPORTED", exitCode: 2 });
              return;
            }
            const { buildInformation } = await collecting;
            expect(asStored(buildInformation)).toEqual(fixture.expected);
            // A re-run is recognised as one (so the CLI ignores the record its first attempt pushed).
            for (const earlier of fixture.earlierAttempts) expect(rerunOf(manifest, earlier)).toBeUndefined();
            if (fixture.earlierAttempts.length > 0) expect(rerunOf(manifest, fixture.env)).toBeDefined();
          } finally {
            await fixture.close();
          }
        });
      }
    }
  });
}
