/** Which shard keeps a lead, and which shards a period asks. */
import { describe, expect, it } from 'vitest';
import { dayStart, monthOf, monthsBetween, monthsSince, monthStart, partOf, shardName } from '../../../shared/metrics/shards.ts';

describe('monthly shards', () => {
  it('keeps a lead in the shards of its month of arrival (UTC)', () => {
    expect(monthOf(Date.parse('2026-11-01T00:00:00Z'))).toBe('2026-11');
    expect(monthOf(Date.parse('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(monthOf(Date.parse('2026-12-01T00:00:00Z'))).toBe('2026-12');
    expect(monthStart('2024-02')).toBe(Date.parse('2024-02-01T00:00:00Z'));
  });

  it('asks, for a period, the months of its days, newest first', () => {
    expect(monthsBetween('2026-11-18', '2026-11-18')).toEqual(['2026-11']);
    expect(monthsBetween('2026-10-14', '2026-11-12')).toEqual(['2026-11', '2026-10']);
    expect(monthsBetween('2025-11-13', '2026-11-12')).toHaveLength(13);
    expect(monthsBetween('2025-12-31', '2026-01-01')).toEqual(['2026-01', '2025-12']);
    expect(monthsBetween('2026-11-12', '2026-11-01')).toEqual([]);
    expect(monthsSince(dayStart('2026-09-30'), dayStart('2026-11-12'))).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it("spreads a month's leads evenly over its parts, each lead always in the same one", () => {
    expect(shardName('2026-11', 0)).toBe('2026-11');
    expect(shardName('2026-11', 3)).toBe('2026-11.3');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4_000; i++) counts[partOf(`ld_mw${i.toString(36)}x`, 4)]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(850);
    expect(partOf('ld_abc', 4)).toBe(partOf('ld_abc', 4));
    expect(partOf('ld_abc', 1)).toBe(0);
  });
});
