/** H5 (local mode): there are no WeChat chats or share tickets; the sharer's area (`from`) is all there is. */
export function enableShareTickets(): void {
  // Nothing to enable in a browser.
}

export async function cardOpening(): Promise<{ cloudId?: string } | undefined> {
  return undefined;
}
