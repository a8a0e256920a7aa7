import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { distributionListDtoSchema, distributionListInputSchema, type DistributionListDto } from '@plexus/contracts';
import { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { RecipientsService } from './recipients.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Named lists of the network's recipients ("Commissioners"); managers only, like the recipients themselves. */
@NetworkController('distribution-lists', 'recipients')
export class DistributionListsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get()
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'listDistributionLists', summary: "The network's distribution lists with their recipients" })
  @ApiZodResponse(z.array(distributionListDtoSchema), { description: 'The lists' })
  list(): Promise<DistributionListDto[]> {
    return this.recipients.listLists();
  }

  @Post()
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'createDistributionList', summary: 'Make a distribution list of recipients of this network' })
  @ApiZodResponse(distributionListDtoSchema, { status: 201, description: 'The new list' })
  @ApiErrorResponses(409)
  @ApiZodBody(distributionListInputSchema)
  create(@Body(zod(distributionListInputSchema)) body: z.output<typeof distributionListInputSchema>): Promise<DistributionListDto> {
    return this.recipients.createList(body);
  }

  @Put(':listId')
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'updateDistributionList', summary: 'Rename a list, or change who is in it' })
  @ApiZodResponse(distributionListDtoSchema, { description: 'The list as changed' })
  @ApiErrorResponses(409)
  @ApiZodBody(distributionListInputSchema)
  update(
    @Param('listId', uuid) id: string,
    @Body(zod(distributionListInputSchema)) body: z.output<typeof distributionListInputSchema>,
  ): Promise<DistributionListDto> {
    return this.recipients.updateList(id, body);
  }

  @Delete(':listId')
  @HttpCode(204)
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'removeDistributionList', summary: 'Delete a distribution list (its recipients stay)' })
  @ApiEmptyResponse('Deleted')
  remove(@Param('listId', uuid) id: string): Promise<void> {
    return this.recipients.removeList(id);
  }
}
