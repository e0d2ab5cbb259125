// The file effects of the write path: an atomic replace, an append that never interleaves, and
// a per-file queue that both use. Every write of the server goes through these, so that a
// request cut off part way or two requests at once never leave a half-written or mixed file.
import { mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import {
  isRunning,
  openAtomicFile,
  resolveWriteTarget,
  tempFileName,
} from "../../extract/node/output.ts";

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every earlier task queued on `key` (a file path, or any name for a group of
 * files changed together) has finished, whether it succeeded or not. Tasks on other keys run
 * meanwhile. Serialises within this process only: the server is the one writer of data/.
 */
export function withFileLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * Replaces `file` with `content` atomically: a temporary file in the same folder, flushed, then
 * renamed over it (see openAtomicFile: permissions and symbolic links are kept). Readers see the
 * old file or the new one, never a part. Not queued: callers that read-modify-write hold the lock.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const sink = await openAtomicFile(file);
  try {
    await sink.write(content);
    await sink.commit();
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

/**
 * Writes bytes to a new `file` atomically (a saved page in GBK must keep its bytes; openAtomicFile
 * writes strings as UTF-8): temporary file in the same folder, flushed, renamed. Same temporary
 * name pattern as openAtomicFile, so removeStaleTempFiles cleans up after a killed server.
 */
export async function writeBytesAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const target = await resolveWriteTarget(file);
  const temp = join(dirname(target), tempFileName(target, process.pid));
  const handle = await open(temp, "wx", 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Appends `text` to `file` (created when missing) after every earlier append to it has finished:
 * one write call with O_APPEND, so two requests never interleave and none is lost. When the file
 * exists and does not end with a newline, one is put first so the new line stays a line of its
 * own.
 */
export function appendLine(file: string, text: string): Promise<void> {
  return withFileLock(file, async () => {
    await mkdir(dirname(file), { recursive: true });
    const line = text.endsWith("\n") ? text : `${text}\n`;
    const size = (await stat(file).catch(() => undefined))?.size ?? 0;
    const handle = await open(file, "a");
    try {
      let lead = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        const reader = await open(file, "r");
        try {
          await reader.read(last, 0, 1, size - 1);
        } finally {
          await reader.close();
        }
        if (last[0] !== 0x0a) lead = "\n";
      }
      await handle.write(lead + line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/**
 * Makes a folder of the trash that did not exist before (`name`, else `name-2`, `name-3` …) and
 * returns its name: a delete never puts its files where an earlier delete's are, even when the
 * clock reads the same (or was set back), so nothing in the trash is ever overwritten.
 */
export async function newTrashFolder(trashDir: string, name: string): Promise<string> {
  await mkdir(trashDir, { recursive: true });
  for (let n = 1; ; n++) {
    const folder = n === 1 ? name : `${name}-${n}`;
    try {
      await mkdir(join(trashDir, folder));
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** The folders of data/ the server writes into with a temporary file and a rename. */
const WRITTEN_FOLDERS = ["", "raw", join("raw", "article-text")];
/** `.NAME.PID.HEX.tmp`, the name tempFileName gives a temporary file of process PID. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Moves the temporary files that a server stopped part way through a write left in `dataDir`
 * (killed between writing a file's copy and renaming it over the file) into a folder of its own
 * in data/trash, under their paths in data/: `npm run extract` skips hidden files, so nothing else
 * would ever take them away. Never deleted, since a half-saved article is the person's text; only
 * files of processes no longer running are touched, and nothing else. Returns the folder (as
 * `data/trash/<name>/`) and the files moved, for `npm start` to say.
 */
export async function moveStaleTempFiles(
  dataDir: string,
  running: (pid: number) => boolean = isRunning,
): Promise<{ trash: string; files: string[] }> {
  const stale: string[] = [];
  for (const folder of WRITTEN_FOLDERS) {
    const names = await readdir(join(dataDir, folder)).catch(() => [] as string[]);
    for (const name of names) {
      const pid = TEMP_FILE.exec(name)?.[1];
      if (pid !== undefined && !running(Number(pid))) stale.push(join(folder, name));
    }
  }
  if (!stale.length) return { trash: "", files: [] };
  const trashDir = join(dataDir, "trash");
  const folder = await newTrashFolder(
    trashDir,
    `${new Date().toISOString().replace(/[:.]/g, "-")}-interrupted`,
  );
  const files: string[] = [];
  for (const file of stale) {
    const target = join(trashDir, folder, file);
    await mkdir(dirname(target), { recursive: true });
    await rename(join(dataDir, file), target).then(
      () => files.push(file.split("\\").join("/")),
      () => undefined,
    );
  }
  return {
    trash: `data/${relative(dataDir, join(trashDir, folder)).split("\\").join("/")}/`,
    files,
  };
}
