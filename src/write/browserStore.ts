// Keeping things in the browser (IndexedDB) when there is no server to write to: static files.
// One database for the dashboard, one object store per kind of record; every store is created on
// first open, so each feature only names its own. Values must be structured-cloneable.

const DATABASE = "jiangmen-indicators";
/** Bump VERSION when adding a store name. */
const VERSION = 1;
/** `articles`: kept articles (issue 19); `reviews`: review decisions (issue 20). */
export const STORES = ["articles", "reviews"] as const;
export type StoreName = (typeof STORES)[number];

export interface BrowserStore<T> {
  getAll(): Promise<T[]>;
  get(key: string): Promise<T | undefined>;
  put(value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

let opening: Promise<IDBDatabase> | undefined;

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      // Each store keyed by the records' own `key` field.
      for (const name of STORES) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: "key" });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
    request.onblocked = () =>
      reject(new Error("IndexedDB is blocked by another tab of the dashboard"));
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

function done<R>(request: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

/** A store of records `T` with a string field `key`; rejects when IndexedDB is unavailable. */
export function browserStore<T extends { key: string }>(
  name: StoreName,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): BrowserStore<T> {
  const store = async (mode: IDBTransactionMode) => {
    if (!factory) throw new Error("this browser keeps no data (IndexedDB is unavailable)");
    const db = await openDatabase(factory);
    return db.transaction(name, mode).objectStore(name);
  };
  return {
    getAll: async () => (await done((await store("readonly")).getAll())) as T[],
    get: async (key) => (await done((await store("readonly")).get(key))) as T | undefined,
    put: async (value) => {
      const tx = (await store("readwrite")).transaction;
      tx.objectStore(name).put(value);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error("IndexedDB write failed"));
        tx.onabort = () => reject(tx.error ?? new Error("IndexedDB write aborted (storage full?)"));
      });
    },
    delete: async (key) => {
      const tx = (await store("readwrite")).transaction;
      tx.objectStore(name).delete(key);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error("IndexedDB delete failed"));
      });
    },
  };
}
