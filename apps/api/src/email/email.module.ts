import { Module } from '@nestjs/common';
import { EmailOutboxService } from './email-outbox.service';

/** Email: written to the outbox in the caller's transaction; the worker delivers it. */
@Module({ providers: [EmailOutboxService], exports: [EmailOutboxService] })
export class EmailModule {}
