import { formatIsoDateLong, readableTextOn, todayIso } from '@plexus/domain';
import { Network, NetworkProfile, RequestScopes, StoredFile } from '@plexus/server';
import type { BrandView, NetworkView } from './view-model';

/** The network's name and branding for a document, read inside its own context (logo inlined as a data: URI). */
export async function loadNetworkView(): Promise<{ network: NetworkView; brand: BrandView; today: string; todayLong: string }> {
  const em = RequestScopes.em();
  const networkId = RequestScopes.networkId();
  const [network, profile] = await Promise.all([em.findOneOrFail(Network, { id: networkId }), em.findOneOrFail(NetworkProfile, { networkId })]);
  const logo = profile.logoFileId ? await em.findOne(StoredFile, { id: profile.logoFileId }, { populate: ['data'] }) : null;
  const today = todayIso('Europe/London');
  return {
    network: { name: network.name, specialty: profile.specialty, region: profile.region, classification: profile.classification || 'OFFICIAL' },
    brand: {
      primary: profile.primaryColour,
      primaryText: readableTextOn(profile.primaryColour),
      accent: profile.accentColour,
      logo: logo ? `data:${logo.contentType};base64,${logo.data.toString('base64')}` : null,
    },
    today,
    todayLong: formatIsoDateLong(today),
  };
}
