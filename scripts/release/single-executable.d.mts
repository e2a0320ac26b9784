/** Generates the SEA blob from the CommonJS bundle (a file in `workDir`) with `generator`; returns its path. */
export function seaBlob(generator: string, bundle: string, workDir: string): string;
