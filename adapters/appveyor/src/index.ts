export { appveyorAdapter } from "./appveyor-adapter";
export { appveyorCommitMessage } from "./appveyor-commit-message";
export { appveyorRepositoryRoot } from "./appveyor-repository-root";
