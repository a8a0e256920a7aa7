import { Module } from '@nestjs/common';
import { NetworkRepository } from '@plexus/server';
import { EmailModule } from '../email/email.module';
import { InvitesController, PublicInvitesController } from './invites.controller';
import { InviteService } from './invite.service';

/** One-time invite links: managers (and operators creating a network) invite people; the link joins them. */
@Module({
  imports: [EmailModule],
  controllers: [InvitesController, PublicInvitesController],
  providers: [InviteService, NetworkRepository],
  exports: [InviteService],
})
export class InvitesModule {}
