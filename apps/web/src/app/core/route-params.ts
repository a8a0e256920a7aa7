import type { ActivatedRouteSnapshot } from '@angular/router';

/** The `:network` parameter of the page on screen, found by walking down from the root route. */
export function networkSlugOf(root: ActivatedRouteSnapshot): string | null {
  let slug: string | null = null;
  for (let route: ActivatedRouteSnapshot | null = root; route; route = route.firstChild) {
    slug = route.paramMap.get('network') ?? slug;
  }
  return slug;
}
