import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { StoredObjectMissingError, type DocumentStorage, type StoredObjectStream } from './document-storage';

const absent = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Files under one directory; writes go to a temporary name first and are renamed, so a reader never sees half a PDF. */
export class LocalDiskStorage implements DocumentStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) throw new Error(`storage key escapes the storage root: ${key}`);
    return p;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      throw absent(err) ? new StoredObjectMissingError(key) : err;
    }
  }

  async stream(key: string): Promise<StoredObjectStream> {
    try {
      // Opened here, so that a missing file is an error now, not in the middle of a response.
      const handle = await open(this.path(key), 'r');
      const { size } = await handle.stat();
      return { body: handle.createReadStream(), length: size };
    } catch (err) {
      throw absent(err) ? new StoredObjectMissingError(key) : err;
    }
  }

  async stat(key: string): Promise<number | null> {
    try {
      return (await stat(this.path(key))).size;
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
