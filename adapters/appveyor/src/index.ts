export { appveyorAdapter } from "./appveyor-adapter";
