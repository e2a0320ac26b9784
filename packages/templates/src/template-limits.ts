/** The bounds that keep rendering finite (docs/reference/octostache.md#limits); each can be lowered or raised. */
export interface TemplateLimits {
  /** The most characters the output may have (default 50,000,000); past it the output is cut. */
  maxOutputLength: number;
  /** How deeply blocks, indexers and parentheses may nest in a template or a value (default 100). */
  maxNesting: number;
  /** How deeply variables may refer to variables that refer to variables (default 100). */
  maxResolutionDepth: number;
  /** Units of work (characters parsed, read or written, values looked up) one render may spend (default 2,000,000,000). */
  maxWork: number;
}

export const defaultLimits: TemplateLimits = {
  maxOutputLength: 50_000_000,
  maxNesting: 100,
  maxResolutionDepth: 100,
  maxWork: 2_000_000_000,
};

export type LimitKind = "nesting" | "resolution-depth" | "output" | "work";

/** Thrown inside the renderer when a limit is reached; renderTemplate turns it into a diagnostic. */
export class TemplateLimitError extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly offset: number,
  ) {
    super(`template limit reached: ${kind}`);
  }
}

/** Counts the work of one render against its limit. */
export class WorkBudget {
  private spent = 0;

  constructor(private readonly limit: number) {}

  spend(units: number): void {
    this.spent += units;
    if (this.spent > this.limit) throw new TemplateLimitError("work", -1);
  }

  get used(): number {
    return this.spent;
  }
}
