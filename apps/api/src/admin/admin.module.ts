import { Module } from '@nestjs/common';
import { NetworkRepository } from '@plexus/server';
import { InvitesModule } from '../invites/invites.module';
import { AdminNetworksController } from './admin-networks.controller';
import { AdminNetworksService } from './admin-networks.service';

/** Platform operators: create networks and invite each one's first manager. */
@Module({ imports: [InvitesModule], controllers: [AdminNetworksController], providers: [AdminNetworksService, NetworkRepository] })
export class AdminModule {}
