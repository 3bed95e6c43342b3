import type { MeView } from '@domain/actions/account';

/** May this account work the hall desk? The same people the hallStaff policy lets in. */
export const isHallDesk = (me: MeView): boolean =>
  me.station !== undefined && (me.role === 'stationAdmin' || (me.role === 'officer' && me.officerKinds.includes('hall')));
