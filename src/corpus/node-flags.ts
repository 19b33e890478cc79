/**
 * V8 flags the `zhtag` command runs node with (its shebang line; `test/cli` checks the two agree).
 *
 * `--single-threaded-gc`: each isolate collects its garbage on its own thread. By default V8 adds
 * helper threads to every collection; with `--jobs` workers already busy on every core, those helpers
 * only compete with the workers. Measured on 15 MB of People's Daily with NER (2 cores): --jobs 2
 * took 13.3 s by default and 12.0 s with the flag (total CPU 25.7 s → 23.3 s); --jobs 1 was unchanged.
 * The flag cannot be set from inside a running process (V8 aborts), so it lives in the shebang.
 */
export const NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];
