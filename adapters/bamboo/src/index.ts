export { bambooAdapter } from "./bamboo-adapter";
