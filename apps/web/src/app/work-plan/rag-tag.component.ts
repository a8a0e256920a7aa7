import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ragText, type Rag, type WorkItemStatus } from '@plexus/domain';
import { RAG_TAG, ragWords } from './work-plan-format';

/**
 * A BRAG colour as an NHS tag, always with words (never colour alone): an item's colour with its status
 * ("Amber – Overdue (reported on track)"), or a roll-up's colour with its meaning ("Amber – at risk or overdue"), in
 * the words the PDFs use (libs/domain status-vocabulary).
 */
@Component({
  selector: 'plx-rag-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<strong [class]="tagClass()" [attr.title]="reason()">{{ words() }}</strong>`,
})
export class RagTagComponent {
  readonly rag = input.required<Rag>();
  readonly status = input<WorkItemStatus | null>(null);
  /** Why the colour is stronger than the status (overdue: past its target). */
  readonly reason = input<string | null>(null);

  protected readonly tagClass = computed(() => `nhsuk-tag ${RAG_TAG[this.rag()]}`);
  protected readonly words = computed(() => {
    const status = this.status();
    return status ? ragWords(this.rag(), status, this.reason()) : ragText(this.rag());
  });
}
