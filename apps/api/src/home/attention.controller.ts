import { Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { attentionDtoSchema, type AttentionDto } from '@plexus/contracts';
import { ApiZodResponse } from '../core/http/api-response';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { AttentionService } from './attention.service';

/** A network's home page: what needs attention now (a commissioner, who reads only reports, keeps the report library). */
@NetworkController('', 'home')
export class AttentionController {
  constructor(private readonly attention: AttentionService) {}

  @Get('attention')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'getAttention',
    summary:
      'What needs attention now: overdue and due-soon work items of the current plan, items needing a progress update, risks overdue for review, peer review due, failed reports and deliveries, reports ready recently (a manager: the network’s; others: their own)',
  })
  @ApiZodResponse(attentionDtoSchema, { description: 'What needs attention, in groups, each line with a link' })
  get(): Promise<AttentionDto> {
    return this.attention.attention();
  }
}
