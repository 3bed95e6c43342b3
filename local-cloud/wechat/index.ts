/**
 * What only WeChat's servers can do, emulated for the local cloud: content security, subscription
 * messages, cloud file storage and timer triggers. State lives in the configured data directory.
 */
export {
  MSG_SEC_CHECK_MAX_CHARS,
  MSG_SEC_LABELS,
  classifyText,
  clearContentSecurityAudit,
  msgSecCheck,
  readContentSecurityAudit,
  type ContentSecurityAuditEntry,
  type MsgSecCheckDetail,
  type MsgSecCheckParams,
  type MsgSecCheckResult,
  type MsgSecLabel,
  type SecuritySuggest,
  type TextVerdict,
} from './content-security';
export {
  MAX_TEMPLATES_PER_REQUEST,
  clearOutbox,
  readOutbox,
  recordSubscription,
  sendSubscribeMessage,
  subscriptionQuota,
  type MessageLang,
  type MiniprogramState,
  type OutboxMessage,
  type SubscribeMessageParams,
  type SubscribeMessageSendResult,
  type SubscriptionDecision,
} from './subscribe-message';
export { keywordProblem, keywordType, type KeywordProblem } from './subscribe-keywords';
export {
  DEFAULT_TEMP_URL_MAX_AGE,
  MAX_FILES_PER_CALL,
  MAX_UPLOAD_BYTES,
  deleteFile,
  downloadFile,
  getTempFileURL,
  resolveStoredFile,
  uploadFile,
  type DeleteFileItem,
  type DownloadFileResult,
  type GetTempFileURLParams,
  type TempFileURLItem,
  type UploadFileParams,
  type UploadFileResult,
} from './storage';
export { bucketOf, cloudPathProblem, fileIdOf, parseFileId } from './cloud-file-id';
export { CronExpressionError, WECHAT_TIMER_UTC_OFFSET_MINUTES, nextCronTime, parseCron, type CronSchedule } from './cron';
export {
  startTimerTriggers,
  type TimerEvent,
  type TimerFunction,
  type TimerRunContext,
  type TimerTriggerConfig,
  type TimerTriggerOptions,
  type TimerTriggerStatus,
  type TimerTriggers,
} from './timer-triggers';
export { WxCloudError } from './wx-errors';
export { LOCAL_RISKY_IMAGE_MARKER, mediaCheckAsync, onMediaCheckPush, settleMediaChecks, type MediaCheckAsyncParams, type MediaCheckPushEvent } from './media-check';
export { getUnlimited, localCodeUrl, setKnownPages, type GetUnlimitedParams, type GetUnlimitedResult } from './wxacode';
export { LOCAL_APP_ID, decryptOpenData, encryptOpenData, getOpenData, getShareInfo, sessionKeyOf, shareTicketFor, type OpenGroupData } from './open-data';
