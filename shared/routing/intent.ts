/**
 * Intent signals as intent-data providers deliver them (a topic and a strength per topic:
 * Bombora's Company Surge composite score, 6sense's and Demandbase's intent scores, G2's activity
 * levels), turned into two lead fields routes can test: `intentTopics` (the topics, strongest
 * first) and `intentStrength` (the strongest signal, 0-100).
 */

/** Intent on a lead: what routing tests. */
export interface LeadIntent {
  intentTopics: string[];
  intentStrength: number;
}

/** Words some providers use instead of a number. */
const LEVELS: Readonly<Record<string, number>> = { low: 30, medium: 60, moderate: 60, high: 90, surging: 80, very_high: 95 };
const TOPIC_KEYS = ['topic', 'name', 'keyword', 'Topic', 'Name', 'TopicName', 'topic_name'];
const STRENGTH_KEYS = ['strength', 'score', 'compositeScore', 'CompositeScore', 'composite_score', 'intent_score', 'intensity', 'level', 'activity_level'];
const MAX_TOPICS = 20;

/**
 * Reads intent signals: a list of `{ topic, strength }` objects under any of the providers'
 * usual names, or `{ topics: [...], strength }`. Topics below `floor` (default 0) are dropped.
 * Undefined when nothing usable is there.
 * @example intentSignals([{ Topic: 'Payments', CompositeScore: 72 }, { topic: 'fraud', level: 'low' }])
 * // { intentTopics: ['payments', 'fraud'], intentStrength: 72 }
 */
export function intentSignals(raw: unknown, floor = 0): LeadIntent | undefined {
  const list: { topic: string; strength: number }[] = [];
  if (isRecord(raw) && Array.isArray(raw['topics'])) {
    const strength = strengthOf(raw['strength'] ?? raw['score']) ?? 0;
    for (const topic of raw['topics']) if (typeof topic === 'string') list.push({ topic, strength });
  } else if (Array.isArray(raw)) {
    for (const item of raw) {
      if (!isRecord(item)) continue;
      const topic = TOPIC_KEYS.map((k) => item[k]).find((v) => typeof v === 'string');
      const strength = strengthOf(STRENGTH_KEYS.map((k) => item[k]).find((v) => v !== undefined)) ?? 0;
      if (typeof topic === 'string') list.push({ topic, strength });
    }
  }
  const kept = list
    .map(({ topic, strength }) => ({ topic: topic.trim().toLowerCase().slice(0, 80), strength }))
    .filter((s) => s.topic !== '' && s.strength >= floor)
    .sort((a, b) => b.strength - a.strength)
    .slice(0, MAX_TOPICS);
  if (kept.length === 0) return undefined;
  return { intentTopics: [...new Set(kept.map((s) => s.topic))], intentStrength: kept[0]!.strength };
}

function strengthOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.min(100, value));
  if (typeof value === 'string')
    return (
      LEVELS[value.trim().toLowerCase().replace(/\s+/g, '_')] ?? (Number.isFinite(Number(value)) && value.trim() !== '' ? strengthOf(Number(value)) : undefined)
    );
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
