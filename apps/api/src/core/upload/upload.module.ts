import { Global, Module } from '@nestjs/common';
import { TableWorkerPool } from './table-worker-pool';

/** Uploads for imports: the table worker thread pool every import reads its file in. */
@Global()
@Module({ providers: [TableWorkerPool], exports: [TableWorkerPool] })
export class UploadModule {}
