import { Injectable, RequestMethod, type OnModuleInit, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Permission } from '@plexus/domain';
import { NETWORK_CONTROLLER, REQUIRED_PERMISSION } from './network-route.decorator';

/** One route under /networks/:network/…, as its controller declares it. */
export interface NetworkRoute {
  /** `GET networks/:network/risks/:riskId` (without the global /api prefix). */
  route: string;
  /** `RiskController.get` */
  handler: string;
  /** The declared permission (on the handler, else on the controller), or null. */
  permission: Permission | null;
  /** Whether the controller is a `NetworkController` (runs inside the caller's network). */
  scoped: boolean;
}

const NETWORK_PATH = /^networks\/:network(\/|$)/;

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value ?? ''];
  return list.map((p) => String(p).replace(/^\/+|\/+$/g, ''));
}

/** Every route of these controllers that lives under networks/:network (or whose controller is a NetworkController). */
export function networkRoutes(controllers: Array<Type<unknown>>): NetworkRoute[] {
  const scanner = new MetadataScanner();
  const routes: NetworkRoute[] = [];
  for (const controller of controllers) {
    const scoped = Reflect.getMetadata(NETWORK_CONTROLLER, controller) === true;
    const classPermission = (Reflect.getMetadata(REQUIRED_PERMISSION, controller) as Permission | undefined) ?? null;
    for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        for (const sub of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
          const path = [base, sub].filter(Boolean).join('/');
          if (!scoped && !NETWORK_PATH.test(path)) continue;
          const permission = (Reflect.getMetadata(REQUIRED_PERMISSION, handler) as Permission | undefined) ?? classPermission;
          routes.push({ route: `${method} ${path}`, handler: `${controller.name}.${name}`, permission, scoped });
        }
      }
    }
  }
  return routes;
}

/** What is wrong with these controllers' network routes: one line per route, empty when all is well. */
export function networkRouteProblems(controllers: Array<Type<unknown>>): string[] {
  return networkRoutes(controllers).flatMap((r) => [
    ...(r.scoped ? [] : [`${r.route} (${r.handler}) is not in a @NetworkController, so it would run outside the caller's network`]),
    ...(r.permission
      ? []
      : [`${r.route} (${r.handler}) declares no permission: add @RequirePermission(…) — 'network.read' if any member may call it`]),
  ]);
}

export function assertNetworkRoutesDeclared(controllers: Array<Type<unknown>>): void {
  const problems = networkRouteProblems(controllers);
  if (problems.length) {
    throw new Error(
      `Refusing to start: ${problems.length} network route${problems.length === 1 ? '' : 's'} not closed by default:\n  ${problems.join('\n  ')}`,
    );
  }
}

/**
 * Permissions are closed by default: at start-up, every route under /api/networks/:network/… must run in a
 * NetworkController and declare the permission it needs, or the application refuses to start and lists them.
 */
@Injectable()
export class NetworkRoutePermissionCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype)
      .filter((metatype): metatype is Type<unknown> => typeof metatype === 'function');
    assertNetworkRoutesDeclared(controllers);
  }
}
