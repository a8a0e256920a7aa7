import { WorkerMetrics } from '../metrics/worker-metrics';
import { Module, type DynamicModule, type OnApplicationShutdown, Injectable } from '@nestjs/common';
import {
  BoardMeetingRepository,
  CoreModule,
  MembershipRepository,
  NudgeRepository,
  RiskRepository,
  ScheduleRepository,
  SubmissionRepository,
  WorkPlanRepository,
  type AppConfig,
  type JobName,
} from '@plexus/server';
import { LoggerModule } from 'nestjs-pino';
import { MailTransport } from '../email/mail-transport';
import { EmailDeliveryJob } from '../jobs/email-delivery.job';
import type { JobHandler, JobHandlerClass } from '../jobs/job-handler';
import { assertJobHandlers, handlersForQueues } from '../jobs/job-registry';
import { JOB_HANDLERS, JobRunner } from '../jobs/job-runner';
import { OutboxSweepJob } from '../jobs/outbox-sweep.job';
import { ReportPreviewJob } from '../jobs/report-preview.job';
import { ReportRenderJob } from '../jobs/report-render.job';
import { ReportRunJob } from '../jobs/report-run.job';
import { ReportSweepJob } from '../jobs/report-sweep.job';
import { ScheduleFireJob } from '../jobs/schedule-fire.job';
import { ScheduleSweepJob } from '../jobs/schedule-sweep.job';
import { PeerReviewChaseJob } from '../jobs/peer-review-chase.job';
import { PasswordResetJob } from '../jobs/password-reset.job';
import { NudgeRoundJob } from '../jobs/nudge-round.job';
import { NudgeSweepJob } from '../jobs/nudge-sweep.job';
import { NudgeRoundsService } from '../nudge/nudge-rounds.service';
import { SubmissionChasersService } from '../peer-review/submission-chasers.service';
import { Clock } from '../schedule/clock';
import { ScheduleRunsService } from '../schedule/schedule-runs.service';
import { TemplateEngine } from '../report/documents/template-engine';
import { ChromiumPool } from '../report/render/chromium-pool';
import { PdfRenderer } from '../report/render/pdf-renderer';
import { Heartbeat } from './heartbeat';

/** Every job's handler: one `*.job.ts` each. Boot fails if a job has no handler here, or two. A worker registers those of its WORKER_QUEUES. */
const JOB_HANDLER_CLASSES: JobHandlerClass[] = [
  EmailDeliveryJob,
  ReportRenderJob,
  ReportPreviewJob,
  OutboxSweepJob,
  ReportSweepJob,
  ScheduleFireJob,
  ReportRunJob,
  ScheduleSweepJob,
  PeerReviewChaseJob,
  PasswordResetJob,
  NudgeRoundJob,
  NudgeSweepJob,
];

@Injectable()
class ChromiumShutdown implements OnApplicationShutdown {
  constructor(private readonly pool: ChromiumPool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * The worker: BullMQ job handlers only, no HTTP server. Scale it by running more processes. It consumes the queues of
 * WORKER_QUEUES (all by default) and provides only their jobs' handlers; Chromium is launched by the first render, so a
 * worker without the reports queue never starts one.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Every job has exactly one handler in the build, whatever this process serves…
    assertJobHandlers(JOB_HANDLER_CLASSES.map((c) => c.jobName));
    // …and every job of the queues it serves has one here.
    const handlerClasses = handlersForQueues(JOB_HANDLER_CLASSES, config.WORKER_QUEUES);
    assertJobHandlers(
      handlerClasses.map((c) => c.jobName),
      config.WORKER_QUEUES,
    );
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: { level: config.LOG_LEVEL, transport: config.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined },
        }),
      ],
      providers: [
        ...handlerClasses,
        {
          provide: JOB_HANDLERS,
          useFactory: (...handlers: JobHandler[]) => new Map<JobName, JobHandler>(handlers.map((h, i) => [handlerClasses[i].jobName, h])),
          inject: handlerClasses,
        },
        JobRunner,
        MailTransport,
        Clock,
        ScheduleRepository,
        ScheduleRunsService,
        SubmissionRepository,
        SubmissionChasersService,
        NudgeRepository,
        WorkPlanRepository,
        RiskRepository,
        BoardMeetingRepository,
        MembershipRepository,
        NudgeRoundsService,
        Heartbeat,
        { provide: TemplateEngine, useFactory: () => new TemplateEngine() },
        WorkerMetrics,
        {
          provide: ChromiumPool,
          useFactory: (metrics: WorkerMetrics) =>
            new ChromiumPool({
              executablePath: config.CHROMIUM_PATH,
              size: config.REPORT_PAGE_POOL,
              recycleAfter: config.REPORT_RECYCLE_AFTER,
              onLaunch: () => metrics.chromiumLaunches.inc(),
            }),
          inject: [WorkerMetrics],
        },
        { provide: PdfRenderer, useFactory: (pool: ChromiumPool) => new PdfRenderer(pool, config.REPORT_RENDER_TIMEOUT_MS), inject: [ChromiumPool] },
        ChromiumShutdown,
      ],
    };
  }
}
