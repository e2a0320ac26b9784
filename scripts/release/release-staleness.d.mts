/** Whether `<root>/release` is missing or older than anything it is built from. */
export function isReleaseStale(root: string): boolean;
