import { Body, Delete, Get, Put, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { LOGO_CONTENT_TYPES, LOGO_MAX_BYTES, networkProfileDtoSchema, updateNetworkProfileSchema, type NetworkProfileDto } from '@plexus/contracts';
import { ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { memoryStorage } from 'multer';
import type { z } from 'zod';
import type { AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { NetworkProfileService } from './network-profile.service';

@NetworkController('profile', 'network profile')
export class NetworkProfileController {
  constructor(private readonly profiles: NetworkProfileService) {}

  @Get()
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getNetworkProfile', summary: "The network's profile: who it is, its organisations, leadership and branding" })
  @ApiZodResponse(networkProfileDtoSchema, { description: 'The profile' })
  get(): Promise<NetworkProfileDto> {
    return this.profiles.get();
  }

  @Put()
  @RequirePermission('profile.edit')
  @ApiOperation({
    operationId: 'updateNetworkProfile',
    summary: 'Replace the profile (managers). Send the version you read; a stale one answers 409.',
  })
  @ApiZodResponse(networkProfileDtoSchema, { description: 'The profile as saved, with its new version' })
  @ApiZodBody(updateNetworkProfileSchema)
  update(@Body(zod(updateNetworkProfileSchema)) body: z.output<typeof updateNetworkProfileSchema>): Promise<NetworkProfileDto> {
    return this.profiles.update(body);
  }

  @Put('logo')
  @RequirePermission('profile.edit')
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: LOGO_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({ operationId: 'uploadNetworkLogo', summary: 'Upload the logo for reports (PNG or JPEG, 512 KB at most)' })
  @ApiZodResponse(networkProfileDtoSchema, { description: 'The profile with its new logo' })
  @ApiErrorResponses([413, 'The logo is larger than 512 KB (`payload_too_large`).'])
  setLogo(@UploadedFile() file: Express.Multer.File | undefined, @CurrentAuth() auth: AuthContext): Promise<NetworkProfileDto> {
    return this.profiles.setLogo(file, auth.user.id);
  }

  @Delete('logo')
  @RequirePermission('profile.edit')
  @ApiOperation({ operationId: 'removeNetworkLogo', summary: 'Remove the logo' })
  @ApiZodResponse(networkProfileDtoSchema, { description: 'The profile without a logo' })
  removeLogo(): Promise<NetworkProfileDto> {
    return this.profiles.removeLogo();
  }

  @Get('logo')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getNetworkLogo', summary: 'The logo image' })
  @ApiFileResponse([...LOGO_CONTENT_TYPES], 'The logo, as uploaded', 'inline')
  async logo(): Promise<StreamableFile> {
    const file = await this.profiles.logo();
    return new StreamableFile(file.data, { type: file.contentType, length: file.sizeBytes, disposition: 'inline' });
  }
}
