import { Module } from '@nestjs/common';
import { MembershipRepository, NetworkRepository, ReviewCycleRepository, StoredFileRepository } from '@plexus/server';
import { NetworkProfileController } from './network-profile.controller';
import { NetworkProfileService } from './network-profile.service';

/** The network's profile: who it is, its organisations and leadership, its branding and logo. */
@Module({
  controllers: [NetworkProfileController],
  providers: [NetworkProfileService, NetworkRepository, StoredFileRepository, MembershipRepository, ReviewCycleRepository],
})
export class NetworkProfileModule {}
