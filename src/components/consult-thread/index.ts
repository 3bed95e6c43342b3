/** The live 问片警 conversation, shared by the resident's and the officer's thread pages. */
export { useConsultThread, type OutgoingMessage } from './use-consult-thread';
export { MessageList } from './message-list';
export { Composer } from './composer';
export { PhotoPicker, type PickedPhoto } from './photo-picker';
