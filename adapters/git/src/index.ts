export { gitAdapter } from "./git-adapter";
