/**
 * Community boundaries for the demo data. Each station's communities tile a small block of
 * its neighbourhood as a grid whose interior vertices are nudged, and every shared edge uses
 * the very same vertices on both sides — so neighbours are adjacent with no overlap and no gap.
 * The shapes are plausible, not surveyed.
 */
import type { LatLng } from '@domain/geo/types';

export interface DemoBoundary {
  communityId: string;
  outer: LatLng[];
  centre: LatLng;
}

interface Block {
  /** South-west corner of the block. */
  origin: LatLng;
  /** Cell size in degrees (latitude, longitude). */
  cell: { lat: number; lng: number };
  /** Community ids by row (south → north) and column (west → east); null leaves a gap (a river, a park). */
  grid: (string | null)[][];
  /** Deterministic nudge so edges are not ruler-straight. */
  seed: number;
}

/** Points per cell edge, shared by both cells along it. */
const EDGE_STEPS = 4;

function nudge(seed: number, row: number, col: number, amplitude: number): { lat: number; lng: number } {
  const wave = (k: number) => Math.sin(seed * 12.9898 + row * 78.233 + col * 37.719 + k) * 0.5;
  return { lat: wave(1) * amplitude, lng: wave(2) * amplitude };
}

function blockBoundaries(block: Block): DemoBoundary[] {
  const rows = block.grid.length;
  const cols = Math.max(...block.grid.map((row) => row.length));
  // Lattice of points on every cell edge, computed once so neighbours share them exactly.
  const lattice = (r: number, c: number): LatLng => {
    const onOuterEdge = r === 0 || c === 0 || r === rows * EDGE_STEPS || c === cols * EDGE_STEPS;
    const offset = onOuterEdge ? { lat: 0, lng: 0 } : nudge(block.seed, r, c, block.cell.lat * 0.06);
    return {
      latitude: +(block.origin.latitude + (r / EDGE_STEPS) * block.cell.lat + offset.lat).toFixed(6),
      longitude: +(block.origin.longitude + (c / EDGE_STEPS) * block.cell.lng + offset.lng).toFixed(6),
    };
  };
  const boundaries: DemoBoundary[] = [];
  block.grid.forEach((row, r) =>
    row.forEach((communityId, c) => {
      if (!communityId) return;
      const r0 = r * EDGE_STEPS;
      const c0 = c * EDGE_STEPS;
      const outer: LatLng[] = [];
      for (let k = 0; k < EDGE_STEPS; k += 1) outer.push(lattice(r0, c0 + k)); // south edge, west → east
      for (let k = 0; k < EDGE_STEPS; k += 1) outer.push(lattice(r0 + k, c0 + EDGE_STEPS)); // east edge, south → north
      for (let k = 0; k < EDGE_STEPS; k += 1) outer.push(lattice(r0 + EDGE_STEPS, c0 + EDGE_STEPS - k)); // north edge, east → west
      for (let k = 0; k < EDGE_STEPS; k += 1) outer.push(lattice(r0 + EDGE_STEPS - k, c0)); // west edge, north → south
      const centre = lattice(r0 + EDGE_STEPS / 2, c0 + EDGE_STEPS / 2);
      boundaries.push({ communityId, outer, centre });
    }),
  );
  return boundaries;
}

const BLOCKS: Block[] = [
  // 西罗园街道, 丰台: 一区…四区 north of 洋桥, 花椒树 and 洋桥东里 to the south-west.
  {
    origin: { latitude: 39.8415, longitude: 116.3805 },
    cell: { lat: 0.0055, lng: 0.0068 },
    grid: [
      ['yangqiao-dongli', 'huajiaoshu', 'xly-4'],
      ['xly-1', 'xly-2', 'xly-3'],
    ],
    seed: 1,
  },
  // 半山: 杭钢北苑 beside 半山田园.
  { origin: { latitude: 30.3525, longitude: 120.1865 }, cell: { lat: 0.0062, lng: 0.0071 }, grid: [['hanggang-beiyuan', 'banshan-tianyuan']], seed: 2 },
  { origin: { latitude: 30.2748, longitude: 120.1585 }, cell: { lat: 0.0052, lng: 0.0062 }, grid: [['changqing-ximen']], seed: 3 },
  { origin: { latitude: 30.2742, longitude: 120.1720 }, cell: { lat: 0.0052, lng: 0.0062 }, grid: [['dongyuan']], seed: 4 },
  // 武林's 凤起社区 shares 东园's east edge (the same outer-edge points): the square by the 凤起 interchange lies on the line between two jurisdictions.
  { origin: { latitude: 30.2742, longitude: 120.1782 }, cell: { lat: 0.0052, lng: 0.0062 }, grid: [['fengqi']], seed: 7 },
  { origin: { latitude: 30.3578, longitude: 120.1520 }, cell: { lat: 0.0058, lng: 0.0066 }, grid: [['kangqiao-xincun']], seed: 5 },
  { origin: { latitude: 30.3015, longitude: 120.1372 }, cell: { lat: 0.0054, lng: 0.0064 }, grid: [['xiaohe-jiequ']], seed: 6 },
];

export const DEMO_BOUNDARIES: DemoBoundary[] = BLOCKS.flatMap(blockBoundaries);
