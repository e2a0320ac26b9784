export { gitlabAdapter } from "./gitlab-adapter";
