export * from './report-document.entity';
export * from './storage/document-storage';
export * from './storage/local-disk.storage';
export * from './storage/s3.storage';
export * from './storage/storage-factory';
