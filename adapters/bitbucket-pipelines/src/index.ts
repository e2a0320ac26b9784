export { bitbucketPipelinesAdapter } from "./bitbucket-pipelines-adapter";
