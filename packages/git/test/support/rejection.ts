import { BuildInfoError } from "@buildinfo/core";
import { expect } from "vitest";

/** The BuildInfoError `promise` rejects with; fails the test when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<BuildInfoError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BuildInfoError);
  return error as BuildInfoError;
}
