import { conformanceSuite } from "../support/conformance-suite";

// The cases of packages/conformance/vectors/servers/teamcity.json, the same data `buildinfo conformance`
// checks other plugins with, collected by buildinfo's adapter in both of the REST API's formats.
conformanceSuite("teamcity", {
  variants: [
    { name: "XML", options: {} },
    { name: "JSON", options: { restFormat: "json" } },
  ],
});
