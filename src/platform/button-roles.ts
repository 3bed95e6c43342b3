/** weapp: WeChat's own <button> already is a button to its screen reader; nothing to add. */
export function giveButtonsTheirRole(): void {}
