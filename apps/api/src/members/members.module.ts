import { Module } from '@nestjs/common';
import { MembershipRepository, NetworkRepository, UserRepository } from '@plexus/server';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

/** A network's members: their roles and organisations; managers change them and remove members. */
@Module({
  controllers: [MembersController],
  providers: [MembersService, MembershipRepository, UserRepository, NetworkRepository],
})
export class MembersModule {}
