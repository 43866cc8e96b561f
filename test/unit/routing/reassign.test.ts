import { describe, expect, it } from 'vitest';
import { reassign } from '../../../shared/routing/reassign.ts';
import { US_AFTERNOON, emptyState, exampleConfig } from '../helpers.ts';

const config = exampleConfig();

describe('reassign', () => {
  it('takes the next available rep of the pool other than the current owner', () => {
    const result = reassign('inside-sales', 'ian', config, emptyState(), US_AFTERNOON);
    expect(result).toMatchObject({ ok: true, owner: { id: 'kate' }, pool: 'inside-sales', stateChange: { assign: 'kate' } });
  });

  it('follows the pool strategy among the others', () => {
    const result = reassign('enterprise', 'marco', config, { cursors: {}, load: { priya: 9 } }, US_AFTERNOON);
    expect(result).toMatchObject({ ok: true, owner: { id: 'priya' } });
  });

  it('says why when nobody else can take it', () => {
    expect(reassign('latam', 'maria', config, emptyState(), US_AFTERNOON)).toMatchObject({ ok: false, reason: 'nobody_available' });
    expect(reassign(undefined, 'dana', config, emptyState(), US_AFTERNOON)).toMatchObject({ ok: false, reason: 'no_pool' });
    const night = Date.parse('2026-11-22T10:00:00Z');
    expect(reassign('smb-ae', 'ana', config, emptyState(), night)).toMatchObject({ ok: false, reason: 'nobody_available' });
  });
});
