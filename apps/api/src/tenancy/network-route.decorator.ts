import { applyDecorators, Controller, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { can, MEMBERSHIP_ROLES, type Permission } from '@plexus/domain';
import { ApiErrorResponses } from '../core/http/api-response';
import { NetworkScopeInterceptor } from './network-scope.interceptor';

export const REQUIRED_PERMISSION = 'plexus:permission';
export const NETWORK_CONTROLLER = 'plexus:network-controller';

/**
 * A controller under /api/networks/{network}/…: every handler runs in one transaction inside the caller's
 * network, resolved from the session and membership. A network the caller does not belong to answers 404.
 * Every handler declares its permission with `RequirePermission` (the app refuses to start otherwise).
 */
export function NetworkController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    SetMetadata(NETWORK_CONTROLLER, true),
    Controller(`networks/:network/${path}`.replace(/\/$/, '')),
    UseInterceptors(NetworkScopeInterceptor),
    ApiTags(tag),
    ApiParam({ name: 'network', description: "The network's slug", type: 'string', example: 'east-midlands-mtn' }),
  ) as ClassDecorator;
}

/**
 * What the caller's role must allow (see `can()` in @plexus/domain). Required on every network route — closed
 * by default: what any member but a commissioner may read says `RequirePermission('network.read')`; the report
 * library, which commissioners read too, `RequirePermission('reports.read')`. A network route without one stops
 * the app at start-up (`NetworkRoutePermissionCheck`), and is refused if it ever runs. A permission that some role
 * lacks documents the route's 403.
 */
export const RequirePermission = (permission: Permission) =>
  MEMBERSHIP_ROLES.every((role) => can(role, permission))
    ? SetMetadata(REQUIRED_PERMISSION, permission)
    : applyDecorators(
        SetMetadata(REQUIRED_PERMISSION, permission),
        ApiErrorResponses([
          403,
          `Your role cannot do this: it needs \`${permission}\`${
            permission === 'network.read' ? ', which every role has but `commissioner` (a commissioner reads only the report library)' : ''
          } (\`forbidden\`); or an unsafe request without the X-XSRF-TOKEN header (\`csrf_failed\`), or sent by another site (\`cross_site_request\`).`,
        ]),
      );
