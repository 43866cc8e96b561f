/** The server's phone metadata is libphonenumber's "min" set without the formatting-only fields, and current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_METADATA_FILE, serverMetadataJson, withoutFormats } from '../../../tools/phone-metadata.ts';

describe('server phone metadata', () => {
  it('is what `npm run phone-metadata` writes from the installed libphonenumber-js', () => {
    expect(readFileSync(SERVER_METADATA_FILE, 'utf8')).toBe(serverMetadataJson());
  });

  it('blanks the formats and the formatting rule, and keeps everything parsing reads', () => {
    const gb = ['44', '00', '[1-357-9]\\d{9}', [7, 9, 10], [['(\\d{3})(\\d{4})', '$1 $2']], '0', '0$1', '0|180020', '$1', true, '1', [['pattern']]];
    const stripped = withoutFormats({
      version: 1,
      country_calling_codes: { 44: ['GB'] },
      countries: { GB: gb },
      nonGeographic: { 800: ['800', '', '\\d{8}', [8], [['x', 'y']]] },
    });
    expect(stripped.countries.GB).toEqual(['44', '00', '[1-357-9]\\d{9}', [7, 9, 10], 0, '0', 0, '0|180020', '$1', 0, '1', [['pattern']]]);
    expect(stripped.nonGeographic['800']).toEqual(['800', '', '\\d{8}', [8]]);
  });
});
