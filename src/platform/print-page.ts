/** weapp: a phone cannot print; the officer saves the code image instead (the page says so). */
export const canPrint = false;
export function printPage(): void {
  // Nothing to do in the mini-program.
}
