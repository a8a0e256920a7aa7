import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { LowerCasePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import type { ComplianceSummaryDto, SessionMembership } from '@plexus/contracts';
import { composePageTitle } from '../../core/page-title';
import { LoadErrorComponent } from '../../ui/load-error.component';
import { LoadingComponent } from '../../ui/loading.component';
import { formatDay } from '../peer-review-format';
import { complianceUrl } from './self-assessment.api';
import { HEAT_BAND_LABELS, heatBand, heatCellText, selfAssessmentStateTag, type HeatBand } from './self-assessment-format';

/**
 * A self-assessment activity's compliance (managers; `…/self-assessments/activities/:activityId/compliance`): each
 * organisation's "N of M applicable measures met (x%)" and state, and the heat map of organisations × sections — a
 * table whose every cell says its per cent and counts in words, its colour only repeating them (the key says what
 * each colour means).
 */
@Component({
  selector: 'plx-compliance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LowerCasePipe, LoadErrorComponent, LoadingComponent],
  templateUrl: './compliance.component.html',
  styles: `
    .plx-heat {
      font-variant-numeric: tabular-nums;
    }
    .plx-heat td,
    .plx-heat th {
      vertical-align: top;
    }
    .plx-heat__cell--high {
      background: #cce2d8;
    }
    .plx-heat__cell--mid {
      background: #fff2b3;
    }
    .plx-heat__cell--low {
      background: #f6d7d2;
    }
    .plx-heat__cell--none {
      background: #f0f4f5;
    }
    .plx-heat__main {
      display: block;
      font-weight: 600;
    }
    .plx-heat__detail {
      display: block;
      font-size: 0.875rem;
    }
    .plx-heat-key {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
    }
    .plx-heat-key li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .plx-heat-key__swatch {
      display: inline-block;
      width: 24px;
      height: 16px;
      border: 1px solid #4c6272;
    }
  `,
})
export class ComplianceComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly cycleId = input.required<string>();
  readonly activityId = input.required<string>();

  readonly #title = inject(Title);

  protected readonly summary = httpResource<ComplianceSummaryDto>(() => complianceUrl(this.network(), this.activityId()));
  protected readonly band = heatBand;
  protected readonly cell = heatCellText;
  protected readonly stateTag = selfAssessmentStateTag;
  protected readonly formatDay = formatDay;
  protected readonly bands: Array<{ band: HeatBand; label: string }> = (['high', 'mid', 'low', 'none'] as const).map((band) => ({
    band,
    label: HEAT_BAND_LABELS[band],
  }));

  constructor() {
    effect(() => {
      if (this.summary.hasValue())
        this.#title.setTitle(composePageTitle(`Compliance – ${this.summary.value().activity.title}`, this.membership().name));
    });
  }
}
