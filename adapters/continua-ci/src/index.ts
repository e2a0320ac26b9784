export { continuaCiAdapter } from "./continua-ci-adapter";
