/** `base` and `path` joined by exactly one `/`, keeping any path `base` already has (a context path). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
