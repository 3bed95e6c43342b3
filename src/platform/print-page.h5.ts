/** H5: the browser's print dialog (print to paper, or "save as PDF"); print CSS shows only the poster. */
export const canPrint = true;
export function printPage(): void {
  window.print();
}
