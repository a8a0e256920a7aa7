import type { AppConfig } from '../config/app-config';
import type { DocumentStorage } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

export function storageFromConfig(config: AppConfig): DocumentStorage {
  if (config.STORAGE_DRIVER === 's3') {
    return new S3Storage({
      endpoint: config.S3_ENDPOINT as string,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET as string,
      accessKeyId: config.S3_ACCESS_KEY_ID as string,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY as string,
      pathStyle: config.S3_PATH_STYLE,
    });
  }
  return new LocalDiskStorage(config.STORAGE_DIR);
}
