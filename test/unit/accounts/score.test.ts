/**
 * Scores, intent and routing confidence (issue 11, Deliver 4): points per condition for fit and
 * engagement with caps, a `score` routes test and the trace explains point by point; intent
 * signals as fields; a decision on missing or doubtful data marked low-confidence.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse.ts';
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';
import { explain } from '../../../shared/routing/explain.ts';
import { intentSignals } from '../../../shared/routing/intent.ts';
import { route } from '../../../shared/routing/route.ts';
import { US_AFTERNOON, emptyState, exampleConfig, loadConfig, readExample, routable } from '../helpers.ts';

const scoring: RoutingConfigInput['scoring'] = {
  fit: {
    max: 60,
    rules: [
      { when: { employees: { gte: 200 } }, points: 30 },
      { when: { country: ['US', 'CA'] }, points: 20 },
      { when: { jobTitle: { contains: ['vp', 'head', 'chief'] } }, points: 20, label: 'senior title' },
      { when: { emailKind: 'free' }, points: -15 },
    ],
  },
  engagement: {
    max: 40,
    rules: [
      { when: { formType: 'demo_request' }, points: 25 },
      { when: { intentTopics: { contains: 'payments' }, intentStrength: { gte: 60 } }, points: 20 },
    ],
  },
};

/** The example config with scoring and a hot-lead route first. */
function scoredConfig() {
  const input = readExample();
  input.scoring = scoring;
  input.routes.unshift({ id: 'hot-leads', when: { score: { gte: 80 } }, to: { pool: 'enterprise' } });
  return loadConfig(input);
}

describe('scoring', () => {
  it('gives every lead a score, fit and engagement, capped per part and never below 0', () => {
    const config = scoredConfig();
    const hot = routable({ formType: 'demo_request', employees: 500, country: 'US', jobTitle: 'VP Sales', intentTopics: ['payments'], intentStrength: 72 });
    expect(route(hot, config, emptyState(), US_AFTERNOON).score).toEqual({ score: 100, fit: 60, engagement: 40 });
    const cold = routable({ emailKind: 'free' });
    expect(route(cold, config, emptyState(), US_AFTERNOON).score).toEqual({ score: 0, fit: 0, engagement: 0 });
  });

  it('lets routes test the score, and explains it point by point', () => {
    const config = scoredConfig();
    const lead = routable({ formType: 'demo_request', employees: 250, country: 'US', intentTopics: ['payments', 'fraud'], intentStrength: 65 });
    const decision = route(lead, config, emptyState(), US_AFTERNOON);
    expect(decision.route).toBe('hot-leads');
    const score = explain(decision, lead, config).find((l) => l.step === 'score');
    expect(score?.reason).toBe(
      'score 90: fit 50 of 60: employees 250 ≥ 200 +30, country "US" is one of [US, CA] +20; engagement 40 of 40 (45 capped): formType "demo_request" is "demo_request" +25, intentTopics "payments, fraud" contains [payments] and intentStrength 65 ≥ 60 +20',
    );
    expect(explain(decision, lead, config).find((l) => l.step === 'route' && l.matched)?.reason).toBe('score 90 ≥ 80');
  });

  it('refuses a scoring rule that tests the score itself', () => {
    const input = readExample();
    input.scoring = { fit: { rules: [{ when: { score: { gte: 1 } }, points: 5 }] } };
    const parsed = parseConfig(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]!.path).toBe('scoring.fit.rules[0].when.score');
  });

  it('leaves decisions of configs without scoring unscored', () => {
    expect(route(routable(), exampleConfig(), emptyState(), US_AFTERNOON).score).toBeUndefined();
  });
});

describe('intent signals', () => {
  it('reads topics and strengths as providers deliver them', () => {
    expect(intentSignals([{ Topic: 'Payments', CompositeScore: 72 }, { topic: 'Fraud Detection', level: 'low' }, { name: 'noise' }])).toEqual({
      intentTopics: ['payments', 'fraud detection', 'noise'],
      intentStrength: 72,
    });
    expect(intentSignals({ topics: ['payroll'], strength: 'high' })).toEqual({ intentTopics: ['payroll'], intentStrength: 90 });
    expect(intentSignals([{ topic: 'weak', score: 20 }], 50)).toBeUndefined();
    expect(intentSignals('nonsense')).toBeUndefined();
  });
});

describe('routing confidence', () => {
  it('marks a decision taken for want of data, naming the routes passed over and why', () => {
    const config = exampleConfig();
    const decision = route(routable({ country: 'US', region: 'TX' }), config, emptyState(), US_AFTERNOON);
    expect(decision.route).toBe('round-robin');
    expect(decision.confidence).toEqual({
      level: 'low',
      reasons: [
        "route 'enterprise' was passed over for want of employees",
        "route 'mid-market' was passed over for want of employees",
        "route 'smb' was passed over for want of employees",
      ],
    });
  });

  it('leaves a decision on complete data unmarked', () => {
    expect(route(routable({ country: 'US', region: 'TX', employees: 200 }), exampleConfig(), emptyState(), US_AFTERNOON).confidence).toBeUndefined();
  });

  it('says when a score a route tested was short of data', () => {
    const decision = route(routable({ formType: 'demo_request', country: 'US', employees: 10, jobTitle: 'CEO' }), scoredConfig(), emptyState(), US_AFTERNOON);
    expect(decision.route).not.toBe('hot-leads');
    const lead = routable({ formType: 'demo_request', employees: 900, country: 'US', jobTitle: 'Chief of staff' });
    const hot = route(lead, scoredConfig(), emptyState(), US_AFTERNOON);
    expect(hot.route).toBe('hot-leads');
    expect(hot.confidence?.reasons).toEqual(["route 'hot-leads' tested the score, which earned nothing for the missing emailKind"]);
    expect(explain(hot, lead, scoredConfig())).toContainEqual({ step: 'confidence', level: 'low', reason: expect.stringContaining('low confidence: ') });
  });
});
