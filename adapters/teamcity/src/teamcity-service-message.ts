/**
 * TeamCity service-message value escaping: `|` first, then `'`, line breaks and brackets; characters
 * outside printable ASCII as `|0xNNNN` (one UTF-16 code unit each), so a message never spans lines.
 */
export function escapeTeamCityValue(value: string): string {
  let escaped = "";
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const single = String.fromCharCode(unit);
    switch (single) {
      case "|":
        escaped += "||";
        break;
      case "'":
        escaped += "|'";
        break;
      case "\n":
        escaped += "|n";
        break;
      case "\r":
        escaped += "|r";
        break;
      case "[":
        escaped += "|[";
        break;
      case "]":
        escaped += "|]";
        break;
      default:
        escaped +=
          (unit >= 0x20 && unit < 0x7f) || unit === 0x09
            ? single
            : `|0x${unit.toString(16).toUpperCase().padStart(4, "0")}`;
    }
  }
  return escaped;
}

/** `##teamcity[name key='value' …]` with every value escaped. */
export function teamCityServiceMessage(name: string, attributes: Record<string, string>): string {
  const parts = Object.entries(attributes).map(([key, value]) => `${key}='${escapeTeamCityValue(value)}'`);
  return `##teamcity[${[name, ...parts].join(" ")}]`;
}
