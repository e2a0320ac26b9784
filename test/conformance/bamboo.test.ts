import { conformanceSuite } from "../support/conformance-suite";

// The cases of packages/conformance/vectors/servers/bamboo.json, the same data `buildinfo conformance`
// checks other plugins with, collected by buildinfo's adapter.
conformanceSuite("bamboo");
