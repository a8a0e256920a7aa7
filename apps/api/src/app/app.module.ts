import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '@plexus/server';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AdminNetworksController } from '../admin/admin-networks.controller';
import { AdminNetworksService } from '../admin/admin-networks.service';
import { AuditController } from '../audit/audit.controller';
import { AuthModule } from '../auth/auth.module';
import type { AppRequest } from '../auth/auth.types';
import { EventLoopModule } from '../core/event-loop/event-loop.module';
import { ApiExceptionFilter } from '../core/http/api-exception.filter';
import { UploadModule } from '../core/upload/upload.module';
import { CoreModule } from '@plexus/server';
import { EmailOutboxService } from '../email/email-outbox.service';
import { HealthController } from '../health/health.controller';
import { InvitesController, PublicInvitesController } from '../invites/invites.controller';
import { InviteService } from '../invites/invite.service';
import { MembersController } from '../members/members.controller';
import { MembersService } from '../members/members.service';
import { NetworkProfileModule } from '../network-profile/network-profile.module';
import { NetworkProfileRepository } from '../network-profile/network-profile.repository';
import { RiskModule } from '../risk/risk.module';
import { ReportModule } from '../report/report.module';
import { WorkPlanModule } from '../work-plan/work-plan.module';

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
        EventLoopModule,
        UploadModule,
        AuthModule,
        NetworkProfileModule,
        WorkPlanModule,
        RiskModule,
        ReportModule,
      ],
      controllers: [HealthController, AdminNetworksController, InvitesController, PublicInvitesController, MembersController, AuditController],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        EmailOutboxService,
        InviteService,
        MembersService,
        AdminNetworksService,
        NetworkProfileRepository,
      ],
    };
  }
}
