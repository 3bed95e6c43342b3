export type { AddressMatch, AddressResolution, AddressResolver, AddressStreet, CommunityAddressBook } from './types';
export { AMBIGUITY_MARGIN, createAddressResolver, HINT_EMPTY, HINT_NOT_FOUND, HINT_ONLY_AREA, MAX_CANDIDATES, MIN_SCORE } from './resolver';
export { normalizeAddressText } from './normalize';
