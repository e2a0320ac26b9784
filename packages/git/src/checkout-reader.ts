import type { CheckoutReader, GitRunner } from "@buildinfo/core";
import { localCommitRange } from "./local-commit-range";
import { readCheckout } from "./read-checkout";

/** The checkout seen through `git`, as adapters receive it in their context. */
export function createCheckoutReader(git: GitRunner): CheckoutReader {
  return {
    read: () => readCheckout(git),
    localRange: (head, since) => localCommitRange(git, head, since),
  };
}
