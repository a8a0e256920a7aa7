import { Module } from '@nestjs/common';
import { NetworkProfileController } from './network-profile.controller';
import { NetworkProfileRepository } from './network-profile.repository';
import { NetworkProfileService } from './network-profile.service';

@Module({
  controllers: [NetworkProfileController],
  providers: [NetworkProfileService, NetworkProfileRepository],
})
export class NetworkProfileModule {}
