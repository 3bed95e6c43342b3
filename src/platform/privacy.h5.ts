/**
 * Local mode (browser): there is no WeChat privacy check; the browser asks for location and the
 * camera itself. The prompt component stays, driven by nothing.
 */
export function listenForPrivacyRequests(): void {}

export function openPrivacyGuidelines(): void {}
