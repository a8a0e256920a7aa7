import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BoardMeetingListDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { boardMeetingsUrl } from './board.api';
import { agendaSummary, formatMeetingDate, formatMeetingTime, locationLink } from './board-format';

/** The network board's meetings: upcoming (soonest first), then past (most recent first). Everyone reads; managers add. */
@Component({
  selector: 'plx-board-meetings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent, SuccessBannerComponent],
  templateUrl: './board-meetings.component.html',
})
export class BoardMeetingsComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  protected readonly meetings = httpResource<BoardMeetingListDto>(() => boardMeetingsUrl(this.network()));
  protected readonly flash = inject(FlashService).take();

  protected readonly formatDate = formatMeetingDate;
  protected readonly formatTime = formatMeetingTime;
  protected readonly locationLink = locationLink;
  protected readonly agendaSummary = agendaSummary;
}
