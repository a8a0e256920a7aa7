import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createNetworkSchema, type AdminNetworkDto, type CreatedNetworkDto } from '@plexus/contracts';
import type { z } from 'zod';
import type { AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { OperatorOnly } from '../auth/public.decorator';
import { ApiZodBody, zod } from '../core/http/zod';
import { AdminNetworksService } from './admin-networks.service';

@ApiTags('platform operators')
@ApiCookieAuth()
@OperatorOnly()
@Controller('admin/networks')
export class AdminNetworksController {
  constructor(private readonly networks: AdminNetworksService) {}

  @Get()
  @ApiOperation({ summary: 'Every network on the platform (registry only: no tenant data)' })
  list(@CurrentAuth() auth: AuthContext): Promise<AdminNetworkDto[]> {
    return this.networks.list(auth.user.id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a network and a one-time invite for its first manager' })
  @ApiZodBody(createNetworkSchema)
  create(@Body(zod(createNetworkSchema)) body: z.output<typeof createNetworkSchema>, @CurrentAuth() auth: AuthContext): Promise<CreatedNetworkDto> {
    return this.networks.create(body, auth.user.id);
  }
}
