/** Escaping of an Azure Pipelines logging command's message (azure-pipelines-task-lib rules). */
export function escapeAzureData(value: string): string {
  return value.replaceAll("%", "%AZP25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escaping of a logging command's property value: as the message, plus `;` and `]`. */
export function escapeAzureProperty(value: string): string {
  return escapeAzureData(value).replaceAll(";", "%3B").replaceAll("]", "%5D");
}

/** `##vso[area.action key=value;…]message` */
export function azureLoggingCommand(
  command: string,
  properties: Record<string, string>,
  message = "",
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeAzureProperty(value)};`)
    .join("");
  return `##vso[${command}${props === "" ? "" : ` ${props}`}]${escapeAzureData(message)}`;
}
