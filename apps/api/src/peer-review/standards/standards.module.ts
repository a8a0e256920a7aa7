import { Module } from '@nestjs/common';
import { PlatformAuditRepository, StandardSetRepository, UserRepository } from '@plexus/server';
import { NationalStandardChangesController } from './national-standard-changes.controller';
import { StandardTransferService } from './standard-transfer.service';
import { NationalStandardsController, StandardsController } from './standards.controller';
import { StandardsService } from './standards.service';

/**
 * Standard sets (issue 9, item 1): a network's own (managers keep them, everyone in the network reads them) and the
 * national ones, kept by platform operators under /api/admin/standards and read by every network. Import and export.
 */
@Module({
  controllers: [StandardsController, NationalStandardsController, NationalStandardChangesController],
  providers: [StandardsService, StandardTransferService, StandardSetRepository, PlatformAuditRepository, UserRepository],
  exports: [StandardsService, StandardSetRepository],
})
export class StandardsModule {}
