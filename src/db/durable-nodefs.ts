// PGlite's on-disk file system with a working fsync. Emscripten's NODEFS has no `fsync` stream operation,
// so PostgreSQL's fsync() calls return success without reaching the disk (and its fdatasync() is a no-op
// syscall): a committed transaction could sit in the OS page cache when the power goes. This adds the
// operation, so fsync() is fsync(2) on the real file; PostgreSQL is then run with wal_sync_method=fsync.
import fs from 'node:fs';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type InitArgs = Parameters<NodeFS['init']>;
type PostgresMod = InitArgs[1] extends Partial<infer M> ? M : never;

interface NodefsStream {
  nfd?: number;
}

interface WithNodefs {
  NODEFS: { stream_ops: { fsync?: (stream: NodefsStream) => number } };
}

/** WASI's EIO: what fsync answers PostgreSQL when the real one fails (it then stops, as it should). */
const EIO = 29;

export class DurableNodeFS extends NodeFS {
  override async init(...[pg, opts]: InitArgs) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: PostgresMod) => {
      (mod as unknown as WithNodefs).NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd === undefined) return 0;
        try {
          fs.fsyncSync(stream.nfd);
          return 0;
        } catch {
          return EIO;
        }
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] } };
  }
}
