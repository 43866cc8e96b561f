import { describe, it, expect } from 'vitest';
import { detectUrgency, maxUrgency } from '../../../shared/qualify/urgency.ts';

describe('detectUrgency: urgent phrases', () => {
  it.each([
    // English
    ['This is urgent.', 'urgent'],
    ['We urgently need a plumber', 'urgently'],
    ['Call me asap', 'asap'],
    ['Call me ASAP!', 'asap'],
    ['please reply a.s.a.p', 'asap'],
    ['please reply A.S.A.P. thanks', 'asap'],
    ['As soon as possible, please', 'as soon as possible'],
    ['Can someone come today?', 'today'],
    ['Need it done tonight', 'tonight'],
    ['Could you call this afternoon?', 'this afternoon'],
    ['Free this evening', 'this evening'],
    ['Do you offer same day service?', 'same-day'],
    ['Same-day delivery needed', 'same-day'],
    ['Please call right away', 'right away'],
    ['We need help right now', 'right now'],
    ['Respond immediately', 'immediately'],
    ['Need immediate help', 'immediate'],
    ['Water leak emergency', 'emergency'],
    ['We handle emergencies too?', 'emergencies'],
    ['Need someone within 24 hours', 'within 24 hours'],
    ['within 24hrs please', 'within 24 hours'],
    // Spanish
    ['Lo necesito ahora mismo', 'ahora mismo'],
    ['Es urgente', 'urgente'],
    ['ES URGENTE', 'urgente'],
    ['Tenemos dos pedidos urgentes', 'urgentes'],
    ['Lo necesitamos urgentemente', 'urgentemente'],
    ['Con urgencia, por favor', 'urgencia'],
    ['Me urge una cotización', 'me urge'],
    ['Nos urge', 'me urge'],
    ['¿Pueden venir hoy?', 'hoy'],
    ['Esta noche si es posible', 'esta noche'],
    ['Esta tarde, por favor', 'esta tarde'],
    ['Servicio el mismo día', 'mismo día'],
    ['Servicio el mismo dia', 'mismo día'],
    ['Respóndanme lo antes posible', 'lo antes posible'],
    ['lo más pronto posible', 'lo más pronto posible'],
    ['lo mas pronto posible', 'lo más pronto posible'],
    ['Cuanto antes mejor', 'cuanto antes'],
    ['Favor de responder a la brevedad', 'a la brevedad'],
    ['Necesito atención de inmediato', 'inmediato'],
    ['Llámenme inmediatamente', 'inmediatamente'],
    ['Tengo una emergencia', 'emergencia'],
    ['¿Atienden emergencias?', 'emergencias'],
  ])('%j → urgent (%s)', (text, signal) => {
    expect(detectUrgency(text)).toEqual({ urgency: 'urgent', signals: [signal] });
  });
});

describe('detectUrgency: high phrases', () => {
  it.each([
    ['Sometime this week would be great', 'this week'],
    ['Can you come this weekend?', 'this weekend'],
    ['Call me tomorrow', 'tomorrow'],
    ['We need it within a few days', 'within a few days'],
    ['Ready in a few days', 'in a few days'],
    ['In the next few days', 'next few days'],
    ['over the next couple of days', 'next couple of days'],
    ['in the coming days', 'in the coming days'],
    ['within 48 hours', 'within 48 hours'],
    ['Esta semana, por favor', 'esta semana'],
    ['Este fin de semana', 'este fin de semana'],
    ['Llámenme mañana', 'mañana'],
    ['Llámenme manana', 'mañana'],
    ['MAÑANA', 'mañana'],
    ['Pasado mañana', 'pasado mañana'],
    ['En los próximos días', 'en los próximos días'],
    ['en unos dias', 'en unos días'],
    ['En pocos días', 'en pocos días'],
  ])('%j → high (%s)', (text, signal) => {
    expect(detectUrgency(text)).toEqual({ urgency: 'high', signals: [signal] });
  });
});

describe('detectUrgency: nothing urgent', () => {
  it.each([
    // Negations
    'This is not urgent',
    'Not URGENT at all',
    "It isn't urgent",
    'isnt urgent',
    'not very urgent',
    'not an emergency',
    'nothing urgent',
    'non-urgent question',
    'No rush',
    'no hurry, whenever suits',
    'not today',
    'No es urgente',
    'no es nada urgente',
    'No es una emergencia',
    'sin urgencia',
    'Sin prisa',
    'no hay prisa',
    'ni hoy ni mañana',
    // Idioms
    'Hoy en día usamos hojas de cálculo',
    'hoy dia no tenemos CRM',
    'Hasta hoy usamos Excel',
    'As of today we run Salesforce',
    'Llamé esta mañana',
    'a las 10 de la mañana',
    'por la mañana es mejor',
    // Word boundaries
    'ahoy there',
    'el hoyo del jardín',
    'todayX',
    'yesterday',
    'tomorrowland tickets',
    'mananas',
    'resurgent demand',
    'asapx',
    'emergencyroom',
    // Plain
    '',
    'We would like a quote for forty seats.',
    'pronto tendremos presupuesto',
    'soon we will decide',
  ])('%j → normal', (text) => {
    expect(detectUrgency(text)).toEqual({ urgency: 'normal', signals: [] });
  });
});

describe('detectUrgency: several phrases', () => {
  it('takes the most pressing and lists each phrase once, in order', () => {
    expect(detectUrgency('Tomorrow is fine, today is better, TODAY if you can')).toEqual({
      urgency: 'urgent',
      signals: ['tomorrow', 'today'],
    });
  });

  it('a negated phrase does not hide a later one', () => {
    expect(detectUrgency('No es urgente, pero mañana estaría bien')).toEqual({
      urgency: 'high',
      signals: ['mañana'],
    });
    expect(detectUrgency('Not urgent, but this week please')).toEqual({
      urgency: 'high',
      signals: ['this week'],
    });
  });

  it('"mañana por la mañana" is tomorrow', () => {
    expect(detectUrgency('mañana por la mañana')).toEqual({ urgency: 'high', signals: ['mañana'] });
  });

  it('matches across line breaks and hyphens', () => {
    expect(detectUrgency('as soon\nas possible')).toEqual({
      urgency: 'urgent',
      signals: ['as soon as possible'],
    });
    expect(detectUrgency('SAME - DAY')).toEqual({ urgency: 'urgent', signals: ['same-day'] });
  });
});

describe('maxUrgency', () => {
  it.each([
    ['normal', 'normal', 'normal'],
    ['normal', 'high', 'high'],
    ['high', 'normal', 'high'],
    ['high', 'urgent', 'urgent'],
    ['urgent', 'high', 'urgent'],
    ['urgent', 'normal', 'urgent'],
  ] as const)('max(%s, %s) = %s', (a, b, max) => {
    expect(maxUrgency(a, b)).toBe(max);
  });
});
