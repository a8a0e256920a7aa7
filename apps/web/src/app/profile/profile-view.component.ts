import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NetworkProfileDto, SessionMembership } from '@plexus/contracts';
import { can, isHexColour, ORGANISATION_TYPE_LABELS, readableTextOn } from '@plexus/domain';
import { formatDateTime } from '../core/dates';
import { FlashService } from '../core/flash.service';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { logoUrl, profileUrl } from './profile.api';

@Component({
  selector: 'plx-profile-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadingComponent, LoadErrorComponent, SuccessBannerComponent],
  templateUrl: './profile-view.component.html',
})
export class ProfileViewComponent {
  /** Route parameter: the network's slug. */
  readonly network = input.required<string>();
  /** Resolved: the signed-in person's membership of this network. */
  readonly membership = input.required<SessionMembership>();

  protected readonly profile = httpResource<NetworkProfileDto>(() => profileUrl(this.network()));
  protected readonly flash = inject(FlashService).take();

  protected readonly canEdit = computed(() => can(this.membership().role, 'profile.edit'));
  protected readonly canReadAudit = computed(() => can(this.membership().role, 'audit.read'));
  protected readonly formatDateTime = formatDateTime;

  /** The label of an organisation type; an unknown type (newer API) is shown as it is. */
  protected typeLabel(type: string): string {
    return (ORGANISATION_TYPE_LABELS as Record<string, string>)[type] ?? type;
  }

  /** Black or white text on a brand colour; black if the colour is not a valid hex code. */
  protected textOn(colour: string): string {
    return isHexColour(colour) ? readableTextOn(colour) : '#000000';
  }

  protected logoSrc(profile: NetworkProfileDto): string {
    return logoUrl(profile.slug, profile.branding.logo?.updatedAt);
  }
}
