/**
 * The newest modification time of a file under `path` (0 if there is none), not counting what builds
 * and tests hold (node_modules, dist, test). Directories' own times are left out.
 */
export function newestMtime(path: string): number;
