/** A complete deployment configuration, as a technician would export it (values made up). */
export const SECRET = 'x'.repeat(48);
export const validEnvironment = (): Record<string, string> => ({
  CLOUD_ENV_ID: 'fengqiao-prod-1a2b3c',
  DISTRICT_ID: 'gongshu',
  DISTRICT_NAME: '拱墅区公安分局',
  DISTRICT_CITY: '杭州',
  BOOKING_SECRET: SECRET,
  BOOTSTRAP_SECRET: 'b'.repeat(32),
  UPLOAD_RECEIPT_SECRET: 'u'.repeat(40),
  TEMPLATE_FRAUD_ALERT: 'lKnU0V3wFraudAlertTemplateId0000000000000a',
  TEMPLATE_BOOKING_REMINDER: 'lKnU0V3wBookingReminderTemplateId000000b',
  TEMPLATE_BOOKING_REMINDER_HOUR: 'lKnU0V3wBookingReminderHourTemplateId00j',
  TEMPLATE_BOOKING_SLOT_CLOSED: 'lKnU0V3wBookingSlotClosedTemplateId0000c',
  TEMPLATE_BOOKING_WAITLIST_OFFER: 'lKnU0V3wBookingWaitlistOfferTemplateId0d',
  TEMPLATE_CONSULT_NEW: 'lKnU0V3wConsultNewTemplateId00000000000e',
  TEMPLATE_CONSULT_REPLY: 'lKnU0V3wConsultReplyTemplateId000000000f',
  TEMPLATE_MEDIATION_SESSION: 'lKnU0V3wMediationSessionTemplateId00000g',
  TEMPLATE_MEDIATION_UPDATE: 'lKnU0V3wMediationUpdateTemplateId000000h',
  TEMPLATE_MEDIATION_FOLLOWUP: 'lKnU0V3wMediationFollowUpTemplateId0000i',
});
