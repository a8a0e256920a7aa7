import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, QueueName, type AppConfig } from '@plexus/server';
import { LoggerModule } from 'nestjs-pino';
import { EmailDeliveryProcessor } from '../email/email-delivery.job';
import { MailTransport } from '../email/mail-transport';
import { OutboxSweeper } from '../email/outbox-sweeper';
import { assertJobHandlers } from '../jobs/job-registry';
import { Heartbeat } from './heartbeat';

const PROCESSORS = [EmailDeliveryProcessor];

/** The worker: BullMQ processors only, no HTTP server. Scale it by running more processes. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    assertJobHandlers(PROCESSORS.flatMap((p) => [...p.handles]));
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: { level: config.LOG_LEVEL, transport: config.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined },
        }),
        BullModule.forRoot({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null }, prefix: config.REDIS_PREFIX }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [...PROCESSORS, MailTransport, OutboxSweeper, Heartbeat],
    };
  }
}
