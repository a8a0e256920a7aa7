import { ApiMetrics } from '../core/metrics/api-metrics';
import { ReadCacheModule } from '../core/read-cache/read-cache.module';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '@plexus/server';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AdminModule } from '../admin/admin.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import type { AppRequest } from '../auth/auth.types';
import { EventLoopModule } from '../core/event-loop/event-loop.module';
import { ApiExceptionFilter } from '../core/http/api-exception.filter';
import { ResponseContractInterceptor } from '../core/http/response-contract.interceptor';
import { UploadModule } from '../core/upload/upload.module';
import { CoreModule } from '@plexus/server';
import { EmailModule } from '../email/email.module';
import { HealthModule } from '../health/health.module';
import { InvitesModule } from '../invites/invites.module';
import { MembersModule } from '../members/members.module';
import { NetworkProfileModule } from '../network-profile/network-profile.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { AnnualReportModule } from '../annual-report/annual-report.module';
import { BoardModule } from '../board/board.module';
import { NudgesModule } from '../nudges/nudges.module';
import { StandardsModule } from '../peer-review/standards/standards.module';
import { PeerReviewCyclesModule } from '../peer-review/cycles/cycles.module';
import { PeerReviewSubmissionsModule } from '../peer-review/submissions/submissions.module';
import { PeerReviewSelfAssessmentModule } from '../peer-review/self-assessment/self-assessment.module';
import { PeerReviewReportsModule } from '../peer-review/reviews/reviews.module';
import { PeerReviewActionsModule } from '../peer-review/actions/actions.module';
import { PeerReviewOwedModule } from '../peer-review/owed/owed.module';
import { RiskModule } from '../risk/risk.module';
import { ReportModule } from '../report/report.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { WorkPlanModule } from '../work-plan/work-plan.module';
import { HomeModule } from '../home/home.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            transport: config.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            genReqId: (req: IncomingMessage, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            customProps: (req: IncomingMessage) => {
              const r = req as unknown as AppRequest;
              return { userId: r.auth?.user.id, network: (r.params as Record<string, string> | undefined)?.['network'] };
            },
            redact: ['req.headers.cookie', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
          },
        }),
        TenancyModule,
        EventLoopModule,
        UploadModule,
        ReadCacheModule,
        AuthModule,
        HealthModule,
        EmailModule,
        AdminModule,
        InvitesModule,
        MembersModule,
        AuditModule,
        NetworkProfileModule,
        WorkPlanModule,
        RiskModule,
        ReportModule,
        RecipientsModule,
        SchedulesModule,
        BoardModule,
        NudgesModule,
        AnnualReportModule,
        StandardsModule,
        PeerReviewCyclesModule,
        PeerReviewSubmissionsModule,
        PeerReviewSelfAssessmentModule,
        PeerReviewReportsModule,
        PeerReviewActionsModule,
        PeerReviewOwedModule,
        HomeModule,
      ],
      providers: [
        ApiMetrics,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Tests: every response is checked against the schema its operation declares in the OpenAPI document.
        ...(config.CHECK_RESPONSES ? [{ provide: APP_INTERCEPTOR, useClass: ResponseContractInterceptor }] : []),
      ],
    };
  }
}
