export { jenkinsAdapter } from "./jenkins-adapter";
