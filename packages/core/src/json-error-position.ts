/**
 * The offset of the first JSON syntax error in `text` (undefined when there is none or it is nested too
 * deeply to find), for messages that point at a line and column
 * without quoting the file (V8's own messages quote it, and the file may hold secrets).
 */
export function jsonErrorPosition(text: string): number | undefined {
  let at = 0;
  const whitespace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const literal = (word: string) => {
    if (!text.startsWith(word, at)) fail();
    at += word.length;
  };
  const string = () => {
    at++;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') {
        at++;
        return;
      }
      if (char < " ") fail();
      if (char === "\\") {
        const escaped = text[at + 1] ?? "";
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail();
          at += 6;
          continue;
        }
        if (escaped === "" || !'"\\/bfnrt'.includes(escaped)) fail();
        at += 2;
        continue;
      }
      at++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail();
    at += match![0].length;
  };
  const value = (): void => {
    whitespace();
    const char = text[at];
    if (char === "{") members("}", true);
    else if (char === "[") members("]", false);
    else if (char === '"') string();
    else if (char === "t") literal("true");
    else if (char === "f") literal("false");
    else if (char === "n") literal("null");
    else number();
  };
  const members = (close: string, keyed: boolean) => {
    at++;
    whitespace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      if (keyed) {
        whitespace();
        if (text[at] !== '"') fail();
        string();
        whitespace();
        if (text[at] !== ":") fail();
        at++;
      }
      value();
      whitespace();
      if (text[at] === close) {
        at++;
        return;
      }
      if (text[at] !== ",") fail();
      at++;
    }
  };
  try {
    value();
    whitespace();
    if (at < text.length) fail();
  } catch (position) {
    return typeof position === "number" ? position : undefined;
  }
  return undefined;
}
