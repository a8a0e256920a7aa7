import { computed, type Signal } from '@angular/core';
import type { SessionMembership } from '@plexus/contracts';
import type { StandardsKeeper } from './standards.api';

/**
 * The keeper of a standards page from its route: a network (`:network` and the membership resolved for it) or, on the
 * operators' pages (route data `national: true`), the national sets. `caption` is the page's caption line.
 */
export function keeperOf(
  network: Signal<string | undefined>,
  membership: Signal<SessionMembership | undefined>,
  national: Signal<boolean | undefined>,
): { keeper: Signal<StandardsKeeper>; caption: Signal<string> } {
  const keeper = computed<StandardsKeeper>(() => (national() ? { kind: 'national' } : { kind: 'network', slug: network() ?? '' }));
  const caption = computed(() => (national() ? 'Admin' : (membership()?.name ?? '')));
  return { keeper, caption };
}
