import { describe, expect, it } from '@jest/globals';
import { formatNoumea, markdownHtml } from '../../bot/admin/adminPages.js';

describe('the review page shows what users saw, safely', () => {
  it('dates in Nouméa time, whatever the server’s zone', () => {
    expect(formatNoumea('2026-07-06T01:05:00.000Z')).toBe('06/07/2026 12:05');
    expect(formatNoumea('2026-12-31T13:30:00Z')).toBe('01/01/2027 00:30');
    expect(formatNoumea('not a date')).toBe('');
  });

  it('the bot’s markdown (bold, line breaks, https links) from escaped text: nothing typed becomes markup', () => {
    expect(markdownHtml('**3 offres** ouvertes\nVoir [l’offre](https://emploi.gouv.nc/offres/0975)')).toBe(
      '<strong>3 offres</strong> ouvertes<br>Voir <a href="https://emploi.gouv.nc/offres/0975">l’offre</a>',
    );
    expect(markdownHtml('**<img src=x onerror=alert(1)>**')).toBe('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    // Only https links: a javascript: address stays text.
    expect(markdownHtml('[clic](javascript:alert(1))')).toBe('[clic](javascript:alert(1))');
    expect(markdownHtml('[x](https://a.nc/"onmouseover="alert(1))')).not.toContain('"onmouseover');
  });
});
