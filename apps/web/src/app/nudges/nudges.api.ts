/** Where the nudges live in the API. */
export function nudgeRoundsUrl(network: string): string {
  return `/api/networks/${encodeURIComponent(network)}/nudges/rounds`;
}

export function nudgeRoundUrl(network: string, roundId: string): string {
  return `${nudgeRoundsUrl(network)}/${encodeURIComponent(roundId)}`;
}

/** A nudge's emailed link (public, no sign-in): GET the form, POST the update (once). */
export function nudgeLinkUrl(network: string, token: string): string {
  return `/api/update-links/${encodeURIComponent(network)}/${encodeURIComponent(token)}`;
}
