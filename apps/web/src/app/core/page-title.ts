/** "Profile – North Spinal Network – Plexus": the page, then the network when there is one. */
export function composePageTitle(page: string | undefined, network: string | undefined): string {
  return [page, network, 'Plexus'].filter((part): part is string => !!part && part.trim() !== '').join(' – ');
}
