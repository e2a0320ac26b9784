import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { BuildInfoError, type ErrorCode } from "@buildinfo/core";

/** The largest `--file` read: far above any real build information, far below what could exhaust memory. */
const maxInputFileBytes = 64 * 1024 * 1024;

/** What the file is, for messages: `--file`'s build information unless said otherwise. */
export interface InputFileKind {
  what: string;
  flag: string;
  hint: string;
}

const buildInformationFile: InputFileKind = {
  what: "Build information file",
  flag: "--file",
  hint: "Name a build-information JSON file with --file (relative paths start at the current directory).",
};

/**
 * The bytes of a regular file named by `--file` (or another flag: `kind`). A FIFO, a device (`/dev/zero`),
 * a directory or a file above `maxInputFileBytes` is refused before reading, so no input can hang or grow
 * without bound.
 */
export async function readInputFile(
  path: string,
  kind: InputFileKind = buildInformationFile,
): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file reads the same.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile())
      throw inputFileError(
        kind,
        path,
        "is not a regular file (a pipe, device or directory)",
        "E_FILE_NOT_REGULAR",
      );
    if (stat.size > maxInputFileBytes)
      throw inputFileError(
        kind,
        path,
        `is ${stat.size} bytes, larger than the limit of ${maxInputFileBytes} (64 MiB)`,
        "E_FILE_TOO_LARGE",
      );
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof BuildInfoError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw inputFileError(
      kind,
      path,
      code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(error)})`,
      "E_FILE_NOT_FOUND",
      error,
    );
  } finally {
    await handle?.close();
  }
}

function inputFileError(
  kind: InputFileKind,
  path: string,
  problem: string,
  code: ErrorCode,
  cause?: unknown,
): BuildInfoError {
  return new BuildInfoError(code, `${kind.what} '${path}' ${problem}.`, {
    hint: kind.hint,
    source: kind.flag,
    ...(cause === undefined ? {} : { cause }),
  });
}
