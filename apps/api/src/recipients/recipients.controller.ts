import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { recipientDtoSchema, recipientInputSchema, type RecipientDto } from '@plexus/contracts';
import { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { RecipientsService } from './recipients.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/**
 * The people who receive the network's reports by email. Managers only, reads included: the list is of outside
 * people's email addresses (personal data), which no other role needs.
 */
@NetworkController('recipients', 'recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get()
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'listRecipients', summary: "The network's recipients of reports, by name" })
  @ApiZodResponse(z.array(recipientDtoSchema), { description: 'The recipients' })
  list(): Promise<RecipientDto[]> {
    return this.recipients.listRecipients();
  }

  @Post()
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'createRecipient', summary: 'Add a recipient (no account needed); the email must be new to this network' })
  @ApiZodResponse(recipientDtoSchema, { status: 201, description: 'The new recipient' })
  @ApiErrorResponses(409)
  @ApiZodBody(recipientInputSchema)
  create(@Body(zod(recipientInputSchema)) body: z.output<typeof recipientInputSchema>): Promise<RecipientDto> {
    return this.recipients.createRecipient(body);
  }

  @Put(':recipientId')
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'updateRecipient', summary: 'Change a recipient' })
  @ApiZodResponse(recipientDtoSchema, { description: 'The recipient as changed' })
  @ApiErrorResponses(409)
  @ApiZodBody(recipientInputSchema)
  update(
    @Param('recipientId', uuid) id: string,
    @Body(zod(recipientInputSchema)) body: z.output<typeof recipientInputSchema>,
  ): Promise<RecipientDto> {
    return this.recipients.updateRecipient(id, body);
  }

  @Delete(':recipientId')
  @HttpCode(204)
  @RequirePermission('recipients.manage')
  @ApiOperation({ operationId: 'removeRecipient', summary: 'Delete a recipient; they leave every distribution list' })
  @ApiEmptyResponse('Deleted')
  remove(@Param('recipientId', uuid) id: string): Promise<void> {
    return this.recipients.removeRecipient(id);
  }
}
