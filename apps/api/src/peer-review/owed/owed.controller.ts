import { Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { peerReviewOwedDtoSchema, type PeerReviewOwedDto } from '@plexus/contracts';
import { ApiZodResponse } from '../../core/http/api-response';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { OwedService } from './owed.service';

/**
 * What is owed in peer review, and by when: a contributor's landing page (their organisation's documents,
 * self-assessments and actions); everyone else who reads the network sees the whole network's.
 */
@NetworkController('peer-review', 'peer review')
export class OwedController {
  constructor(private readonly owed: OwedService) {}

  @Get('owed')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'listOwed',
    summary:
      'What is owed in active cycles, and by when: open submissions, self-assessments not submitted (with their progress) and open actions, soonest due first (a contributor: their organisation’s)',
  })
  @ApiZodResponse(peerReviewOwedDtoSchema, { description: 'What is owed' })
  list(): Promise<PeerReviewOwedDto> {
    return this.owed.owed();
  }
}
