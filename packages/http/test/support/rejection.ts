import { type BuildInfoError, isBuildInfoError } from "@buildinfo/core";

/** The BuildInfoError a call rejects with; fails the test when it resolves or throws something else. */
export async function rejection(promise: Promise<unknown>): Promise<BuildInfoError> {
  try {
    await promise;
  } catch (error) {
    if (isBuildInfoError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail with a BuildInfoError");
}
