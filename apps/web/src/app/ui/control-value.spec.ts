import { controlChecked, controlValue } from './control-value';

describe('controlValue / controlChecked', () => {
  it('reads the value of the input, select or textarea an event came from', () => {
    const input = document.createElement('input');
    input.value = 'Royal Infirmary';
    const select = document.createElement('select');
    select.innerHTML = '<option value="lead">Lead</option><option value="viewer" selected>Viewer</option>';
    const textarea = document.createElement('textarea');
    textarea.value = 'Two lines\nof notes';
    const valueOf = (element: HTMLElement) => {
      let seen = '';
      element.addEventListener('input', (event) => (seen = controlValue(event)));
      element.dispatchEvent(new Event('input'));
      return seen;
    };
    expect(valueOf(input)).toBe('Royal Infirmary');
    expect(valueOf(select)).toBe('viewer');
    expect(valueOf(textarea)).toBe('Two lines\nof notes');
  });

  it('reads whether a check box is checked', () => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    let seen: boolean | null = null;
    box.addEventListener('change', (event) => (seen = controlChecked(event)));
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expect(seen).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(seen).toBe(false);
  });
});
