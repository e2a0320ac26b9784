/** Escaping of a workflow command's message: `%`, CR, LF. */
export function escapeGitHubData(value: string): string {
  return value.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escaping of a workflow command's property value: as the message, plus `:` and `,`. */
export function escapeGitHubProperty(value: string): string {
  return escapeGitHubData(value).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** `::name key=value,…::message` */
export function gitHubWorkflowCommand(
  name: string,
  message: string,
  properties: Record<string, string> = {},
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeGitHubProperty(value)}`)
    .join(",");
  return `::${name}${props === "" ? "" : ` ${props}`}::${escapeGitHubData(message)}`;
}
