import { BullModule, Processor } from '@nestjs/bullmq';
import { Module, type DynamicModule, type OnApplicationShutdown, Injectable } from '@nestjs/common';
import { CoreModule, QueueName, type AppConfig } from '@plexus/server';
import { ChromiumPool } from '../report/chromium-pool';
import { PdfRenderer } from '../report/pdf-renderer';
import { ReportRenderProcessor } from '../report/report-render.job';
import { ReportSweeper } from '../report/report-sweeper';
import { TemplateEngine } from '../report/template-engine';
import { LoggerModule } from 'nestjs-pino';
import { EmailDeliveryProcessor } from '../email/email-delivery.job';
import { MailTransport } from '../email/mail-transport';
import { OutboxSweeper } from '../email/outbox-sweeper';
import { assertJobHandlers } from '../jobs/job-registry';
import { Heartbeat } from './heartbeat';

const PROCESSORS = [EmailDeliveryProcessor, ReportRenderProcessor];

@Injectable()
class ChromiumShutdown implements OnApplicationShutdown {
  constructor(private readonly pool: ChromiumPool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

/** The worker: BullMQ processors only, no HTTP server. Scale it by running more processes. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    assertJobHandlers(PROCESSORS.flatMap((p) => [...p.handles]));
    // Worker options come from configuration, so the decorator is applied here rather than on the class.
    Processor(
      { name: QueueName.Reports },
      { concurrency: config.REPORT_PAGE_POOL, lockDuration: config.REPORT_LOCK_MS, stalledInterval: config.REPORT_LOCK_MS, maxStalledCount: 2 },
    )(ReportRenderProcessor);
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
      providers: [
        ...PROCESSORS,
        MailTransport,
        OutboxSweeper,
        Heartbeat,
        ReportSweeper,
        TemplateEngine,
        {
          provide: ChromiumPool,
          useFactory: () => new ChromiumPool({ executablePath: config.CHROMIUM_PATH, size: config.REPORT_PAGE_POOL, recycleAfter: config.REPORT_RECYCLE_AFTER }),
        },
        { provide: PdfRenderer, useFactory: (pool: ChromiumPool) => new PdfRenderer(pool, config.REPORT_RENDER_TIMEOUT_MS), inject: [ChromiumPool] },
        ChromiumShutdown,
      ],
    };
  }
}
