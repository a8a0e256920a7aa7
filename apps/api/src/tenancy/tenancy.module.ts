import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { NetworkRoutePermissionCheck } from './network-route-permissions';

/** Network routes: the start-up check that each one runs in its network and declares its permission. */
@Module({ imports: [DiscoveryModule], providers: [NetworkRoutePermissionCheck] })
export class TenancyModule {}
