export { manifest } from "./manifest";
