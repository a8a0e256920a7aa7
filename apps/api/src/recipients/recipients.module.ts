import { Module } from '@nestjs/common';
import { NetworkRepository, RecipientRepository } from '@plexus/server';
import { DistributionListsController } from './distribution-lists.controller';
import { RecipientsController } from './recipients.controller';
import { RecipientsService } from './recipients.service';

/** The network's recipients of reports and its distribution lists (issue 11); managers keep them. */
@Module({
  controllers: [RecipientsController, DistributionListsController],
  providers: [RecipientsService, RecipientRepository, NetworkRepository],
})
export class RecipientsModule {}
