/** 问片警 threads: masking of personal numbers, response targets, statuses and outcomes. */
export * from './masking';
export * from './response-target';
export * from './thread';
export * from './place-needed';
