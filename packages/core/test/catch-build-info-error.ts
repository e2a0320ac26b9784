import { expect } from "vitest";
import { BuildInfoError } from "../src/errors";

/** The BuildInfoError `action` throws; fails the test when it throws nothing or something else. */
export function catchBuildInfoError(action: () => unknown): BuildInfoError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(BuildInfoError);
    return error as BuildInfoError;
  }
  throw new Error("expected a BuildInfoError, but nothing was thrown");
}
