/** A five-rep team config, written the way a RevOps manager would, for the wording tests. */
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';

/** A small team: two enterprise AEs, three SMB reps, one manager, a fallback queue. */
export function teamConfig(): RoutingConfigInput {
  return {
    name: 'Acme sales',
    defaults: { timeZone: 'America/New_York', hours: { 'mon-fri': '09:00-17:30' }, sla: '1h', escalation: 'standard' },
    formTypes: {
      demo: {
        label: 'Book a demo',
        fields: ['firstName', 'email', 'company', 'employees', 'country'],
        required: ['email'],
        intent: 'high',
        sla: '5m',
        confirm: ['email'],
      },
      contact: { label: 'Contact us', fields: ['firstName', 'email', 'message'], required: ['email'], intent: 'medium', sla: '4h' },
    },
    reps: {
      ana: { name: 'Ana Silva', email: 'ana@acme.example', capacity: 30 },
      ben: { name: 'Ben Carter', email: 'ben@acme.example', outOfOffice: [{ from: '2027-01-04', to: '2027-01-08', backup: 'ana', note: 'Ski trip' }] },
      chloe: { name: 'Chloe Martin', timeZone: 'America/Chicago', hours: { 'mon-thu': '08:00-16:00', fri: 'off' } },
      dan: { name: 'Dan Wu', weight: 2 },
      eve: { name: 'Eve Stone', active: false, manager: 'ana' },
    },
    pools: {
      enterprise: { name: 'Enterprise', strategy: 'round_robin', members: ['ana', 'ben'] },
      smb: { name: 'SMB', strategy: 'weighted', members: ['chloe', 'dan', 'eve'] },
      spare: { name: 'Spare', strategy: 'least_loaded', members: ['chloe'] },
    },
    queues: {
      triage: { name: 'Inbound triage', watchers: ['ana'] },
      junk: { name: 'Junk review' },
    },
    accounts: { 'globex.com': { owner: 'ben', name: 'Globex' } },
    routes: [
      { id: 'named-accounts', to: { accountOwner: true } },
      { id: 'enterprise', when: { employees: { gte: 500 }, country: ['US', 'CA'] }, to: { pool: 'enterprise' }, sla: '15m' },
      { id: 'mid-market', when: { employees: { gte: 50, lt: 500 } }, to: { pool: 'smb' }, ifUnavailable: { queue: 'triage' } },
      { id: 'demo', when: { formType: 'demo' }, to: { rep: 'chloe' }, escalation: 'fast' },
      { id: 'everyone-else', to: { pool: 'smb' } },
    ],
    escalations: {
      standard: [
        { after: '15m', action: 'reassign' },
        { after: '30m', action: 'alert_manager' },
        { after: '1h', action: 'move_to_queue', queue: 'triage' },
      ],
      fast: [{ after: '5m', action: 'alert_manager', notify: 'ana' }],
    },
    qualification: { junkQueue: 'junk' },
    fallback: { queue: 'triage', sla: '4h' },
  };
}
