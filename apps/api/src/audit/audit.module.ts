import { Module } from '@nestjs/common';
import { AuditRepository, UserRepository } from '@plexus/server';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail: every change to a network's records, read by managers. (Written by the ORM's audit subscriber.) */
@Module({ controllers: [AuditController], providers: [AuditService, AuditRepository, UserRepository] })
export class AuditModule {}
