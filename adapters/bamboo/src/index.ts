export { bambooAdapter } from "./bamboo-adapter";
export type { BambooRepository } from "./bamboo-repository";
export { readBambooRepository } from "./bamboo-repository";
export type { BambooResultChanges } from "./bamboo-result-changes";
export { parseBambooResultChanges, readBambooResultChanges } from "./bamboo-result-changes";
export { bambooBaseUrl, bambooBuildUrl } from "./bamboo-urls";
