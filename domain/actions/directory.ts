import * as v from 'valibot';
import { action, defineFunction, emptyInput, id } from './define';

export interface StationView {
  id: string;
  name: string;
  districtId: string;
  districtName: string;
  address: string;
  /** The public front-desk number; never an officer's personal phone. */
  phone: string;
  hallHours: string;
  hallServices: string[];
}

export interface CommunityView {
  id: string;
  name: string;
  stationId: string;
  stationName: string;
  postName: string;
}

export const directoryActions = defineFunction('directory', {
  listStations: action<StationView[]>()({
    summary: '全部派出所（按分局排列）',
    input: emptyInput,
    policy: 'signedIn',
  }),
  listCommunities: action<CommunityView[]>()({
    summary: '社区列表，可按派出所筛选',
    input: v.strictObject({ stationId: v.optional(id('派出所')) }),
    policy: 'signedIn',
  }),
});
