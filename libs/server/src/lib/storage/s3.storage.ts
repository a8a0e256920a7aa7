import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { StoredObjectMissingError, StorageUnavailableError, type DocumentStorage, type StoredObjectStream } from './document-storage';

export interface S3Options {
  endpoint: string; // https://s3.eu-west-2.amazonaws.com or http://minio:9000
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (endpoint/bucket/key), as MinIO and most S3-compatible stores expect. */
  pathStyle?: boolean;
  /** How long to wait for a connection, and for an answer (milliseconds): an unreachable bucket fails fast, not at the job's lock. */
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const missing = (err: unknown) =>
  err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404);

/**
 * S3 and S3-compatible object storage (AWS, MinIO, Ceph…) through the AWS SDK. Each write carries its Content-MD5, so
 * the store refuses bytes that arrive damaged, and an object is only ever whole (S3 writes are atomic per object).
 * Downloads stream from the store. A missing key is `StoredObjectMissingError` (the API answers 404); a store that
 * does not answer or refuses is `StorageUnavailableError` naming the operation and the key (a job fails with that
 * reason and is retried).
 */
export class S3Storage implements DocumentStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly o: S3Options) {
    this.client = new S3Client({
      endpoint: o.endpoint,
      region: o.region,
      forcePathStyle: o.pathStyle ?? true,
      credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey },
      // Checksums only where the service requires them: S3-compatible stores do not all read the SDK's
      // aws-chunked trailers; Content-MD5 (below) protects every write instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: o.connectTimeoutMs ?? 5_000, requestTimeout: o.requestTimeoutMs ?? 60_000 },
    });
  }

  private async call<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (missing(err)) throw new StoredObjectMissingError(key);
      const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new StorageUnavailableError(`Object storage did not ${operation} ${key} (bucket ${this.o.bucket}): ${detail}`.slice(0, 400), {
        cause: err,
      });
    }
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const md5 = createHash('md5').update(bytes).digest('base64');
    await this.call('store', key, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.o.bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.length,
          ContentMD5: md5,
        }),
      ),
    );
  }

  async get(key: string): Promise<Buffer> {
    const { body } = await this.stream(key);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }

  async stream(key: string): Promise<StoredObjectStream> {
    const res = await this.call('read', key, () => this.client.send(new GetObjectCommand({ Bucket: this.o.bucket, Key: key })));
    if (!(res.Body instanceof Readable)) throw new StorageUnavailableError(`Object storage answered ${key} without a body`);
    return { body: res.Body, length: res.ContentLength ?? null };
  }

  async stat(key: string): Promise<number | null> {
    try {
      const res = await this.call('find', key, () => this.client.send(new HeadObjectCommand({ Bucket: this.o.bucket, Key: key })));
      return res.ContentLength ?? 0;
    } catch (err) {
      if (err instanceof StoredObjectMissingError) return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await this.call('remove', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: key })));
    } catch (err) {
      if (!(err instanceof StoredObjectMissingError)) throw err;
    }
  }

  /** Closes the client's sockets (at shutdown). */
  close(): void {
    this.client.destroy();
  }
}
