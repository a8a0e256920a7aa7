/** The value of the input, select or textarea an `input` or `change` event came from. */
export function controlValue(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}

/** Whether the check box or radio a `change` event came from is now checked. */
export function controlChecked(event: Event): boolean {
  return (event.target as HTMLInputElement).checked;
}
