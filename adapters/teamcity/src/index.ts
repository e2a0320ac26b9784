export { teamcityAdapter } from "./teamcity-adapter";
