import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RiskScoreDto } from '@plexus/contracts';
import { BAND_TAG_CLASS, bandOf, bandOfScore } from './risk-format';

/**
 * A score with its band written in a tag (colour is never the only signal), and a "Legacy score" tag
 * with the reason as a hint when the value came from an old register.
 */
@Component({
  selector: 'plx-risk-score',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'plx-risk-score' },
  template: `
    @let s = score();
    @if (s && s.score != null) {
      <span class="plx-risk-score__value">{{ s.score }}</span>
      @if (band(); as b) {
        &ngsp;<strong class="nhsuk-tag plx-risk-score__tag" [class]="tagClass()">{{ b.label }}</strong>
      }
      @if (s.legacy; as legacy) {
        &ngsp;<strong class="nhsuk-tag nhsuk-tag--grey plx-risk-score__tag">Legacy score</strong>&ngsp;
        @if (showReason()) {
          <span class="nhsuk-hint nhsuk-body-s plx-risk-score__reason">{{ legacy.reason }}</span>
        }
      }
    } @else {
      <span class="plx-empty-value">No score</span>
    }
  `,
  styles: `
    .plx-risk-score__value {
      font-weight: 700;
      margin-right: 8px;
    }
    .plx-risk-score__tag {
      margin: 2px 4px 2px 0;
      white-space: nowrap;
    }
    .plx-risk-score__reason {
      display: block;
      margin: 4px 0 0;
      font-size: 1rem;
    }
  `,
})
export class RiskScoreComponent {
  readonly score = input.required<RiskScoreDto | null>();
  /** Show why a legacy value is not likelihood × impact. */
  readonly showReason = input(true);

  protected readonly band = computed(() => {
    const score = this.score();
    return score ? (bandOf(score.band) ?? bandOfScore(score.score)) : null;
  });
  protected readonly tagClass = computed(() => {
    const band = this.band();
    return band ? BAND_TAG_CLASS[band.id] : '';
  });
}
