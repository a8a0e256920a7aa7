import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { memberDtoSchema, updateMemberSchema, type MemberDto } from '@plexus/contracts';
import { z } from 'zod';
import { ApiEmptyResponse, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { MembersService } from './members.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@NetworkController('members', 'members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('members.manage')
  @ApiOperation({ operationId: 'listMembers', summary: "The network's members and their roles" })
  @ApiZodResponse(z.array(memberDtoSchema), { description: 'The members' })
  list(): Promise<MemberDto[]> {
    return this.members.list();
  }

  @Patch(':memberId')
  @RequirePermission('members.manage')
  @ApiOperation({ operationId: 'updateMember', summary: "Change a member's role (and organisation, for contributors)" })
  @ApiZodResponse(memberDtoSchema, { description: 'The member as changed' })
  @ApiZodBody(updateMemberSchema)
  update(@Param('memberId', uuid) id: string, @Body(zod(updateMemberSchema)) body: z.output<typeof updateMemberSchema>): Promise<MemberDto> {
    return this.members.update(id, body);
  }

  @Delete(':memberId')
  @HttpCode(204)
  @RequirePermission('members.manage')
  @ApiOperation({ operationId: 'removeMember', summary: 'Remove a member from the network (their account stays)' })
  @ApiEmptyResponse('Removed')
  remove(@Param('memberId', uuid) id: string): Promise<void> {
    return this.members.remove(id);
  }
}
