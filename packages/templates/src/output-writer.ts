import { TemplateLimitError, type WorkBudget } from "./template-limits";

/** Octostache's StringWriter, with the output cap and the work budget applied to every character written. */
export class OutputWriter {
  private readonly parts: string[] = [];
  private length = 0;

  constructor(
    private readonly maxLength: number,
    private readonly budget: WorkBudget,
  ) {}

  write(text: string): void {
    if (text.length === 0) return;
    this.budget.spend(text.length);
    if (this.length + text.length > this.maxLength) {
      this.parts.push(text.slice(0, this.maxLength - this.length));
      this.length = this.maxLength;
      throw new TemplateLimitError("output", -1);
    }
    this.parts.push(text);
    this.length += text.length;
  }

  toString(): string {
    return this.parts.join("");
  }
}
