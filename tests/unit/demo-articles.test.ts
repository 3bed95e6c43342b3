import * as v from 'valibot';
import { articleDraft } from '@domain/actions/feed';
import { AUDIENCES, FRAUD_TYPE_KEYS } from '@domain/fraud-types';
import { demoPublications } from '@local-cloud/seed/demo-articles';
import { DEMO_PERSONAS } from '@local-cloud/seed/demo-data';

const now = new Date('2026-11-23T02:00:00Z');
const publications = demoPublications(now);

test('about thirty demo items, unique titles, covering every fraud type, audience and kind', () => {
  expect(publications.length).toBeGreaterThanOrEqual(28);
  expect(new Set(publications.map(({ draft }) => draft.title)).size).toBe(publications.length);
  for (const type of FRAUD_TYPE_KEYS) expect(publications.some(({ draft }) => draft.fraudTypes.includes(type))).toBe(true);
  for (const audience of AUDIENCES) expect(publications.some(({ draft }) => draft.audiences.includes(audience))).toBe(true);
  for (const kind of ['alert', 'case', 'knowledge']) expect(publications.some(({ draft }) => draft.kind === kind)).toBe(true);
});

test('each is a draft the publish form accepts, published in the past, oldest first, by a demo persona of its station or district', () => {
  let previous = 0;
  for (const { draft, persona, stationId, publishedAt } of publications) {
    expect(v.safeParse(articleDraft, draft).issues).toBeUndefined();
    expect(publishedAt.getTime()).toBeLessThan(now.getTime());
    expect(publishedAt.getTime()).toBeGreaterThanOrEqual(previous);
    previous = publishedAt.getTime();
    const publisher = DEMO_PERSONAS.find((candidate) => candidate.key === persona);
    const wide = draft.target.scope === 'city' || draft.target.scope === 'district';
    // Only a district admin aims at the whole district or city; a station's items come from its own officers.
    expect(publisher?.role).toBe(wide ? 'districtAdmin' : 'officer');
    if (!wide) expect(publisher?.stationId).toBe(stationId);
  }
});
