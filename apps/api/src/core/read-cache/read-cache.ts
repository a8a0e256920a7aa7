import { SetMetadata, StreamableFile } from '@nestjs/common';
import type { MemberEntry } from '@plexus/server';
import type { Response } from 'express';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

export const CACHED_READ = 'plexus:cached-read';

/**
 * A GET network route whose answer depends only on the network's data, the caller (person, role, organisation),
 * the URL and the day: it may be answered from the read cache while the network's data version and the shared
 * version are what they were when it was computed (see `ReadCache`).
 */
export const CachedRead = () => SetMetadata(CACHED_READ, true);

/**
 * A JSON answer already serialised: sent as it is (no second JSON.stringify), with its length. Given a response
 * that accepts it, the gzip is sent instead, its Content-Encoding set only as the body goes out (so an error
 * raised before then is never labelled gzip).
 */
export class SerializedJson extends StreamableFile {
  constructor(
    readonly json: Buffer,
    private readonly gzipped?: { bytes: Buffer; res: Response },
  ) {
    super(gzipped?.bytes ?? json, { type: 'application/json; charset=utf-8', length: (gzipped?.bytes ?? json).length });
  }

  override getStream() {
    if (this.gzipped && !this.gzipped.res.headersSent) this.gzipped.res.setHeader('Content-Encoding', 'gzip');
    return super.getStream();
  }
}

/** An answer as kept: its JSON and, when worth it, the same gzipped (made once, sent to every client that accepts it). */
export interface CachedAnswer {
  json: Buffer;
  gzip: Buffer | null;
}

const gzipAsync = promisify(gzip);

/** Serialises an answer and, above 1 KiB, gzips it once (off the event loop, in libuv's pool). */
export async function cachedAnswer(value: unknown): Promise<CachedAnswer> {
  const json = Buffer.from(JSON.stringify(value));
  return { json, gzip: json.length >= 1024 ? await gzipAsync(json, { level: 6 }) : null };
}

interface Entry {
  versions: string;
  answer: CachedAnswer;
}

const sizeOf = (a: CachedAnswer) => a.json.length + (a.gzip?.length ?? 0);

/**
 * Answers of `CachedRead` routes, per API process, bounded in bytes (least recently used first out). An entry is
 * used only while the versions it was computed at are still the current ones: every committed write in a network
 * moves that network's version (a trigger in the database, whichever process or worker wrote), so a stale answer
 * is never served, and nothing needs telling other processes. The versions are read *before* the answer is
 * computed, so an entry is never older than its label. The key holds the network, person, role, organisation,
 * day and URL: nothing is shared between people or networks.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<CachedAnswer>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  static key(entry: MemberEntry, userId: string, today: string, url: string): string {
    const t = entry.tenant;
    return `${t.networkId}|${userId}|${t.role}|${t.organisationId ?? ''}|${today}|${url}`;
  }

  static versions(entry: MemberEntry): string {
    return `${entry.networkVersion}.${entry.globalVersion}`;
  }

  get(key: string, versions: string): CachedAnswer | null {
    const found = this.entries.get(key);
    if (!found || found.versions !== versions) {
      this.misses++;
      return null;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, found);
    this.hits++;
    return found.answer;
  }

  /**
   * The entry for `key` at `versions`, computing it with `compute` on a miss. Identical requests that miss at the
   * same time share one computation (a burst of readers after a change costs one query, not one each).
   */
  async through(key: string, versions: string, compute: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const hit = this.get(key, versions);
    if (hit) return hit;
    const flight = `${versions}|${key}`;
    let pending = this.computing.get(flight);
    if (!pending) {
      pending = compute()
        .then((json) => {
          this.set(key, versions, json);
          return json;
        })
        .finally(() => this.computing.delete(flight));
      this.computing.set(flight, pending);
    }
    return pending;
  }

  set(key: string, versions: string, answer: CachedAnswer): void {
    if (this.maxBytes <= 0 || sizeOf(answer) > this.maxBytes / 4) return;
    this.drop(key);
    this.entries.set(key, { versions, answer });
    this.bytes += sizeOf(answer);
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.bytes -= sizeOf(found.answer);
    this.entries.delete(key);
  }
}
