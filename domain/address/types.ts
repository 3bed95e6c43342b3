/** One street (路/胡同/里) whose houses or buildings belong to a community, optionally only a number range. */
export interface AddressStreet {
  name: string;
  /** Inclusive building/house-number ranges of this street that belong to the community; absent = the whole street. */
  numbers?: [number, number][];
}

/** What the resolver knows about one community (社区). The directory provides these; pure data. */
export interface CommunityAddressBook {
  communityId: string;
  /** Official name, e.g. '西罗园第二社区'. */
  name: string;
  /** Estate/area names residents actually say, e.g. ['西罗园二区', '西罗园2区']. */
  aliases: string[];
  streets?: AddressStreet[];
  /** Administrative context ('北京', '丰台', '西罗园街道'): stripped from the text, and a contradiction lowers the score. */
  city?: string;
  district?: string;
  street?: string;
}

export interface AddressMatch {
  communityId: string;
  /** 0..1: 1 = an alias appears verbatim; see resolver.ts for the model. */
  score: number;
  /** The alias / name / street of the community (as written in its book) that matched. */
  matched: string;
}

export type AddressResolution =
  | { kind: 'match'; match: AddressMatch }
  | { kind: 'ambiguous'; candidates: AddressMatch[] }
  /** hint is Chinese, shown to the resident. */
  | { kind: 'none'; hint: string };

export interface AddressResolver {
  resolve(text: string): AddressResolution;
}
