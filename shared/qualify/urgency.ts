/**
 * Urgency from what a lead wrote: "today", "asap", "emergencia" → urgent; "this week",
 * "tomorrow", "mañana" → high. English and Spanish, case- and accent-insensitive, whole words.
 *
 * All phrases sit in one regex, built at module load, so a message is read in a single pass.
 * Negations ("not urgent", "no es urgente") and idioms that only look urgent ("hoy en día" is
 * "nowadays", "esta mañana" is "this morning") are phrases too, matched first and worth nothing:
 * the regex consumes them, so the "urgent" inside "not urgent" is never seen on its own.
 */
import { foldText } from './fold.ts';
import type { Urgency } from './types.ts';

/** What one message says about urgency. */
export interface UrgencyFinding {
  /** The most pressing level any phrase reached; `normal` when none did. */
  urgency: Urgency;
  /** The phrases found, as written in the phrase list ("same-day", "mañana"), each once. */
  signals: string[];
}

interface Phrase {
  /** What a person reads in `signals`; undefined for negations and idioms, which say nothing. */
  label: string | undefined;
  urgency: Urgency;
  /** Regex source over folded text (lower case, no accents). */
  pattern: string;
  /** True when the pattern is just the label's words: a match is then known by its words. */
  literal: boolean;
}

/** Ranks, so levels compare as numbers. */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = { normal: 0, high: 1, urgent: 2 };

/** The more pressing of two urgencies. */
export function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return URGENCY_RANK[b] > URGENCY_RANK[a] ? b : a;
}

/** A phrase written as people do: spaces and hyphens between its words are interchangeable. */
function said(label: string, urgency: Urgency, pattern?: string): Phrase {
  const source =
    pattern ??
    foldText(label)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/[\s-]+/g, '[\\s-]+');
  return { label, urgency, pattern: source, literal: pattern === undefined };
}

const URGENT_PHRASES: readonly Phrase[] = [
  said('urgent', 'urgent'),
  said('urgently', 'urgent'),
  said('asap', 'urgent', String.raw`a\.?s\.?a\.?p\.?`),
  said('as soon as possible', 'urgent'),
  said('today', 'urgent'),
  said('tonight', 'urgent'),
  said('this afternoon', 'urgent'),
  said('this evening', 'urgent'),
  said('same-day', 'urgent'),
  said('right away', 'urgent'),
  said('right now', 'urgent'),
  said('immediately', 'urgent'),
  said('immediate', 'urgent'),
  said('emergency', 'urgent'),
  said('emergencies', 'urgent'),
  said('within 24 hours', 'urgent', String.raw`within[\s-]+24[\s-]*h(?:ou)?rs?`),
  said('ahora mismo', 'urgent'),
  said('urgente', 'urgent'),
  said('urgentes', 'urgent'),
  said('urgentemente', 'urgent'),
  said('urgencia', 'urgent'),
  said('me urge', 'urgent', String.raw`(?:me|nos|le|les)\s+urge`),
  said('hoy', 'urgent'),
  said('esta noche', 'urgent'),
  said('esta tarde', 'urgent'),
  said('mismo día', 'urgent'),
  said('lo antes posible', 'urgent'),
  said('lo más pronto posible', 'urgent'),
  said('cuanto antes', 'urgent'),
  said('a la brevedad', 'urgent'),
  said('inmediato', 'urgent'),
  said('inmediatamente', 'urgent'),
  said('emergencia', 'urgent'),
  said('emergencias', 'urgent'),
];

/**
 * "pronto" alone ("soon") is left out: "we'll pick a vendor soon" is not a call to act this week.
 */
const HIGH_PHRASES: readonly Phrase[] = [
  said('this week', 'high'),
  said('this weekend', 'high'),
  said('tomorrow', 'high'),
  said('within a few days', 'high'),
  said('in a few days', 'high'),
  said('next few days', 'high'),
  said('next couple of days', 'high'),
  said('in the coming days', 'high'),
  said('within 48 hours', 'high', String.raw`within[\s-]+48[\s-]*h(?:ou)?rs?`),
  said('esta semana', 'high'),
  said('este fin de semana', 'high'),
  said('mañana', 'high'),
  said('pasado mañana', 'high'),
  said('en los próximos días', 'high'),
  said('en unos días', 'high'),
  said('en pocos días', 'high'),
];

/** A pattern that, matched, says nothing about urgency: a negation or an idiom. */
function saysNothing(pattern: string): Phrase {
  return { label: undefined, urgency: 'normal', literal: false, pattern };
}

const SAYS_SOMETHING = [...URGENT_PHRASES, ...HIGH_PHRASES].map((p) => p.pattern).join('|');

/** Words that may stand between a negation and what it negates: "not *that* urgent". */
const NEGATION_FILLERS = [
  ...['very', 'so', 'that', 'too', 'really', 'super', 'particularly', 'terribly', 'extremely'],
  ...['exactly', 'necessarily', String.raw`at\s+all`, 'an?', 'for'],
  ...['es', 'son', 'era', 'sera', 'esta', 'estan', 'hay', 'tan', 'muy', 'nada', 'de', 'para'],
  'una?',
].join('|');

/** "not urgent", "not an emergency", "non-urgent", "not today", "no es nada urgente". */
const NEGATED: Phrase = saysNothing(
  String.raw`(?:not|isn['’]?t|aren['’]?t|wasn['’]?t|nothing|non|never|no|nada|sin|ni)` +
    String.raw`(?:[\s-]+(?:${NEGATION_FILLERS}))*` +
    String.raw`[\s-]+(?:${SAYS_SOMETHING})`,
);

/** Idioms that contain an urgent word but do not ask for speed. */
const IDIOMS: readonly Phrase[] = [
  // "hoy en día", "hoy día": nowadays.
  saysNothing(String.raw`hoy\s+(?:en\s+)?dia`),
  // "hasta hoy", "as of today", "until today": a date, not a deadline.
  saysNothing(String.raw`(?:hasta|as\s+of|until|up\s+to)\s+(?:hoy|today)`),
  // "esta mañana", "por la mañana", "de la mañana": the morning, not tomorrow.
  saysNothing(String.raw`(?:esta|por\s+la|de\s+la|en\s+la|cada|toda\s+la)\s+manana`),
];

/** Negations and idioms first: at one position the regex takes the first alternative that fits. */
const PHRASES: readonly Phrase[] = [NEGATED, ...IDIOMS, ...URGENT_PHRASES, ...HIGH_PHRASES];

/**
 * Every phrase in one regex, without capture groups (sixty of them made it twice as slow).
 * Every phrase starts with an ASCII letter, so `\b` marks its start, and folded text has its
 * Latin letters in ASCII already.
 */
const ANY_PHRASE = new RegExp(String.raw`\b(?:${PHRASES.map((p) => p.pattern).join('|')})(?![\p{L}\p{N}])`, 'gu');

/** Runs of spaces and hyphens, which phrases treat as one gap. */
const GAPS = /[\s-]+/g;

/** Phrases with no pattern of their own, by their folded words: most matches are known here. */
const PLAIN: ReadonlyMap<string, Phrase> = new Map(
  [...URGENT_PHRASES, ...HIGH_PHRASES].filter((p) => p.literal).map((p) => [foldText(p.label ?? '').replace(GAPS, ' '), p]),
);

/** The rest, each alone and anchored, in the big regex's order so the same one wins. */
const PATTERNED: readonly (readonly [RegExp, Phrase])[] = PHRASES.filter((p) => !p.literal).map((p) => [new RegExp(`^(?:${p.pattern})$`, 'u'), p]);

function phraseOf(match: string): Phrase | undefined {
  const plain = PLAIN.get(match.replace(GAPS, ' '));
  if (plain !== undefined) return plain;
  for (const [exact, phrase] of PATTERNED) {
    if (exact.test(match)) return phrase;
  }
  return undefined;
}

/** Urgency of text already folded by `foldText`, for callers that fold once for several checks. */
export function detectFoldedUrgency(folded: string): UrgencyFinding {
  let urgency: Urgency = 'normal';
  const signals: string[] = [];
  ANY_PHRASE.lastIndex = 0;
  for (let m = ANY_PHRASE.exec(folded); m !== null; m = ANY_PHRASE.exec(folded)) {
    const phrase = phraseOf(m[0]);
    if (phrase?.label === undefined) continue;
    urgency = maxUrgency(urgency, phrase.urgency);
    if (!signals.includes(phrase.label)) signals.push(phrase.label);
  }
  return { urgency, signals };
}

/**
 * How urgent `text` sounds, and the phrases that say so. Text with no urgent phrase, or only
 * negated ones ("no rush", "not urgent"), is `normal` with no signals.
 */
export function detectUrgency(text: string): UrgencyFinding {
  return detectFoldedUrgency(foldText(text));
}
