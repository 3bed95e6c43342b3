/** The demo communities' boundaries are a consistent map: adjacent, no overlaps, centres inside. */
import { createLinearLocator, createLocator, pointInPolygon } from '@domain/geo';
import { DEMO_BOUNDARIES } from '@local-cloud/seed/demo-geography';
import { DEMO_COMMUNITIES } from '@local-cloud/seed/demo-data';

const areas = DEMO_BOUNDARIES.map((boundary) => ({ id: boundary.communityId, polygon: { outer: boundary.outer } }));
const key = (point: { latitude: number; longitude: number }) => `${point.latitude},${point.longitude}`;

test('every demo community has a boundary, and its centre lies inside it', () => {
  expect(DEMO_BOUNDARIES.map((boundary) => boundary.communityId).sort()).toEqual(DEMO_COMMUNITIES.map((community) => community._id).sort());
  const locator = createLocator(areas);
  for (const boundary of DEMO_BOUNDARIES) expect(locator.locate(boundary.centre)).toBe(boundary.communityId);
});

test('no two communities overlap, and 西罗园’s six tile their block without gaps', () => {
  // Sample around the 西罗园 block, where six communities meet.
  const xly = DEMO_BOUNDARIES.filter((boundary) => DEMO_COMMUNITIES.find((community) => community._id === boundary.communityId)?.stationId === 'xiluoyuan');
  const xlyLat = xly.flatMap((boundary) => boundary.outer.map((point) => point.latitude));
  const xlyLng = xly.flatMap((boundary) => boundary.outer.map((point) => point.longitude));
  let inside = 0;
  for (let i = 0; i <= 120; i += 1) {
    for (let j = 0; j <= 120; j += 1) {
      const point = {
        latitude: Math.min(...xlyLat) + ((Math.max(...xlyLat) - Math.min(...xlyLat)) * (i + 0.37)) / 121,
        longitude: Math.min(...xlyLng) + ((Math.max(...xlyLng) - Math.min(...xlyLng)) * (j + 0.41)) / 121,
      };
      const containing = areas.filter((area) => pointInPolygon(point, area.polygon));
      expect(containing.length).toBeLessThanOrEqual(1);
      inside += containing.length;
    }
  }
  // The six 西罗园 communities tile their block: no gaps inside it.
  expect(inside).toBe(121 * 121);
});

test('neighbours share their edges exactly: each shared vertex is used by both sides', () => {
  const users = new Map<string, Set<string>>();
  for (const boundary of DEMO_BOUNDARIES) for (const point of boundary.outer) users.set(key(point), (users.get(key(point)) ?? new Set()).add(boundary.communityId));
  const neighbours = (id: string) => new Set([...users.values()].filter((set) => set.has(id) && set.size > 1).flatMap((set) => [...set]).filter((other) => other !== id));
  expect([...neighbours('xly-2')].sort()).toEqual(['huajiaoshu', 'xly-1', 'xly-3', 'xly-4', 'yangqiao-dongli']);
  expect([...neighbours('hanggang-beiyuan')]).toEqual(['banshan-tianyuan']);
  // The fast locator agrees with the plain scan along every shared edge.
  const fast = createLocator(areas);
  const linear = createLinearLocator(areas);
  for (const point of [...users.keys()].map((text) => ({ latitude: Number(text.split(',')[0]), longitude: Number(text.split(',')[1]) }))) {
    expect(fast.locate(point)).toBe(linear.locate(point));
  }
});
