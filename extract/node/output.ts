// Where the CSV goes: a file replaced atomically, or a stream such as standard output.
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import {
  lstat,
  open,
  readdir,
  readlink,
  rename,
  stat,
  unlink,
  type FileHandle,
} from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/** Receives the CSV in order; nothing is final until `commit`. */
export interface OutputSink {
  write(chunk: string): Promise<void>;
  /** Makes the output final (for a file: the new file replaces the old one). */
  commit(): Promise<void>;
  /** Abandons the output; the old file, if any, stays as it was. */
  discard(): Promise<void>;
  /** The same from a signal handler, where nothing can be awaited. */
  discardSync(): void;
}

/** `.NAME.PID.HEX.tmp`: the temporary file of a run of process PID writing NAME. */
export function tempFileName(target: string, pid: number): string {
  return `.${basename(target)}.${pid}.${randomBytes(6).toString("hex")}.tmp`;
}

/** True while process `pid` runs (its temporary files are still being written). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Symbolic links followed before giving up, as the kernel does (ELOOP). */
const MAX_LINKS = 40;

/**
 * The file a write to `target` should replace: `target` itself, or, when it is a symbolic link
 * (or a chain of them), the file it points to, even one that does not exist yet. Renaming over
 * the link itself would replace the link with a regular file.
 */
export async function resolveWriteTarget(target: string): Promise<string> {
  let path = resolve(target);
  for (let links = 0; ; links++) {
    let isLink: boolean;
    try {
      isLink = (await lstat(path)).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return path;
      throw error;
    }
    if (!isLink) return path;
    if (links >= MAX_LINKS) {
      throw Object.assign(new Error(`ELOOP: too many symbolic links from ${target}`), {
        code: "ELOOP",
      });
    }
    path = resolve(dirname(path), await readlink(path));
  }
}

/** The permission bits a new file for `file` gets: those of the file it replaces, else 0644. */
async function modeFor(file: string): Promise<number> {
  const old = await stat(file).catch(() => undefined);
  return old?.isFile() ? old.mode & 0o7777 : 0o644;
}

/** Errors of fsync on a folder from systems that do not offer it (Windows, some network FS). */
const NO_FOLDER_SYNC = new Set(["EISDIR", "EPERM", "EACCES", "EINVAL", "ENOTSUP", "EBADF"]);

/**
 * Flushes a folder's entries to disk, so a rename in it survives a power cut. Where the system
 * cannot sync folders there is nothing more to do; other failures are errors.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(folder, "r");
  } catch (error) {
    if (NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? "")) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Removes temporary files that killed runs (SIGKILL, power loss) left beside `target`. Only files
 * of processes that no longer run are touched, so a concurrent run keeps its own. Returns the
 * names removed, for the report.
 */
export async function removeStaleTempFiles(target: string, running = isRunning): Promise<string[]> {
  target = await resolveWriteTarget(target).catch(() => target);
  const prefix = `.${basename(target)}.`;
  const pattern = /^(\d+)\.[0-9a-f]{12}\.tmp$/;
  const removed: string[] = [];
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = pattern.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || running(Number(pid))) continue;
    await unlink(join(dirname(target), name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** Small chunks are gathered into writes of about this size. */
const WRITE_BATCH = 1 << 16;

/**
 * Writes `target` atomically: everything goes to a temporary file in the same folder (so the
 * rename cannot cross file systems), which is flushed to disk and renamed over `target` on
 * commit, and then the folder is flushed too, so the new name survives a power cut. A run killed
 * part way leaves `target` whole (and at worst a `.NAME.*.tmp` file). What the user set stays:
 * the new file gets the old one's permission bits, and a `target` that is a symbolic link is
 * written through, replacing the file it points to and keeping the link. Rejects at once when
 * the folder cannot take the temporary file.
 */
export async function openAtomicFile(target: string): Promise<OutputSink & { tempPath: string }> {
  const file = await resolveWriteTarget(target);
  const mode = await modeFor(file);
  const tempPath = join(dirname(file), tempFileName(file, process.pid));
  const handle: FileHandle = await open(tempPath, "wx", mode);
  try {
    // The mode given to open is cut by the umask; the old file's bits are set as they were.
    await handle.chmod(mode);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  let batch: string[] = [];
  let batchLength = 0;
  let finished = false;

  const flush = async () => {
    if (!batch.length) return;
    const text = batch.join("");
    batch = [];
    batchLength = 0;
    await handle.write(text);
  };

  return {
    tempPath,
    write: async (chunk) => {
      batch.push(chunk);
      batchLength += chunk.length;
      if (batchLength >= WRITE_BATCH) await flush();
    },
    commit: async () => {
      await flush();
      await handle.sync();
      await handle.close();
      finished = true;
      try {
        await rename(tempPath, file);
      } catch (error) {
        await unlink(tempPath).catch(() => undefined);
        throw error;
      }
      await syncFolder(dirname(file));
    },
    discard: async () => {
      if (finished) return;
      finished = true;
      await handle.close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
    },
    discardSync: () => {
      if (finished) return;
      finished = true;
      try {
        unlinkSync(tempPath);
      } catch {
        // Already gone: nothing to clean.
      }
      // Closing is asynchronous: started here so that a process that goes on (a test, a caller
      // that caught the interrupt) does not leave the handle to the garbage collector; a process
      // that exits next has its descriptors closed by the system anyway.
      handle.close().catch(() => undefined);
    },
  };
}

/**
 * Writes to a stream (standard output in JSON Lines mode), waiting when it is full.
 *
 * One error listener for the sink's whole life, not one per write: a write to a synchronous
 * stream (standard output redirected to a file) calls its callback on a later tick, after the
 * next writes of a fast run have already started, so per-write listeners piled up past
 * Node's limit of ten and printed MaxListenersExceededWarning.
 */
export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  let failure: Error | undefined;
  /** The write waiting for "drain", if any: an error must end its wait. */
  let waiting: ((error: Error) => void) | undefined;
  const onError = (error: Error) => {
    failure ??= error;
    waiting?.(error);
  };
  stream.on("error", onError);
  const release = () => {
    stream.removeListener("error", onError);
  };
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        const ready = stream.write(chunk, (error) => {
          if (error) onError(error);
        });
        if (ready) {
          resolve();
          return;
        }
        const onDrain = () => {
          waiting = undefined;
          resolve();
        };
        waiting = (error) => {
          waiting = undefined;
          stream.removeListener("drain", onDrain);
          reject(error);
        };
        stream.once("drain", onDrain);
      }),
    commit: async () => {
      release();
      if (failure) throw failure;
    },
    discard: async () => release(),
    discardSync: () => release(),
  };
}
