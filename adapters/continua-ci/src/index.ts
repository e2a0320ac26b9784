export { continuaCiAdapter, continuaInputs } from "./continua-ci-adapter";
