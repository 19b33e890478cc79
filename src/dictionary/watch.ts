import { type FSWatcher, watch } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Options of `watchDictionaries`. */
export interface WatchOptions {
  /** Quiet time after the last change before reloading, in ms (default 200): editors write in bursts. */
  debounceMs?: number;
  /** Called when building the new value fails; the previous value stays in use. */
  onError?: (error: unknown) => void;
}

/** A running watch: `current()` is the latest good value; `close()` stops watching. */
export interface DictionaryWatch<T> {
  current(): T;
  /** Rebuilds now (what `POST /v1/dictionaries/reload` should call). Throws if the build fails. */
  reload(): T;
  close(): void;
}

/**
 * Hot reload of dictionaries: rebuilds a value (usually a Pipeline: `() => createPipeline(options)`)
 * when any of `files` changes, and hands it to `onReload`. A build that fails (a bad line being typed)
 * keeps the previous value and reports to `onError`, so a server never runs without dictionaries.
 * Folders are watched rather than files, because editors replace files on save.
 */
export function watchDictionaries<T>(
  build: () => T,
  files: readonly string[],
  onReload: (value: T) => void = () => {},
  options: WatchOptions = {},
): DictionaryWatch<T> {
  let value = build();
  const targets = new Set(files.map((file) => resolve(file)));
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const reload = (): T => {
    value = build();
    onReload(value);
    return value;
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      try {
        reload();
      } catch (error) {
        options.onError?.(error);
      }
    }, options.debounceMs ?? 200);
  };
  for (const dir of new Set([...targets].map((file) => dirname(file)))) {
    const watcher = watch(dir, (_event, name) => {
      if (name === null || targets.has(resolve(dir, name.toString()))) schedule();
    });
    watchers.push(watcher);
  }
  return {
    current: () => value,
    reload,
    close: () => {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
