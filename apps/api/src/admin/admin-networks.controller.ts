import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { adminNetworkDtoSchema, createdNetworkDtoSchema, createNetworkSchema, type AdminNetworkDto, type CreatedNetworkDto } from '@plexus/contracts';
import { z } from 'zod';
import { ApiZodResponse } from '../core/http/api-response';
import type { AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { OperatorOnly } from '../auth/public.decorator';
import { ApiZodBody, zod } from '../core/http/zod';
import { AdminNetworksService } from './admin-networks.service';

@ApiTags('platform operators')
@OperatorOnly()
@Controller('admin/networks')
export class AdminNetworksController {
  constructor(private readonly networks: AdminNetworksService) {}

  @Get()
  @ApiOperation({ operationId: 'listNetworks', summary: 'Every network on the platform (registry only: no tenant data)' })
  @ApiZodResponse(z.array(adminNetworkDtoSchema), { description: 'The networks, by name' })
  list(@CurrentAuth() auth: AuthContext): Promise<AdminNetworkDto[]> {
    return this.networks.list(auth.user.id);
  }

  @Post()
  @ApiOperation({ operationId: 'createNetwork', summary: 'Create a network and a one-time invite for its first manager' })
  @ApiZodResponse(createdNetworkDtoSchema, { status: 201, description: 'The network, with the one-time invite link for its first manager' })
  @ApiZodBody(createNetworkSchema)
  create(@Body(zod(createNetworkSchema)) body: z.output<typeof createNetworkSchema>, @CurrentAuth() auth: AuthContext): Promise<CreatedNetworkDto> {
    return this.networks.create(body, auth.user.id);
  }
}
