import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidOffersError, JsonFileOfferStore } from '../../data/offers/offerStore.js';
import { validateOffers } from '../../data/offers/offerValidation.js';
import { offerByReference, sampleOffers, SAMPLE_OFFERS_FILE, SHIPPED_OFFERS_FILE } from '../helpers/offers.js';

const good = () => structuredClone(offerByReference('3134-25-0966/SR'));

describe('offer validation', () => {
  it('accepts every sample offer', async () => {
    const { offers, setAside } = await new JsonFileOfferStore(SAMPLE_OFFERS_FILE).load();
    expect(offers).toHaveLength(21);
    expect(setAside).toEqual([]);
    expect(new Set(offers.map((o) => o.reference)).size).toBe(21);
  });

  it('serves the real catalogue it ships with, every employer, and sets aside the postings whose deadline is before their posting date', async () => {
    const { offers, setAside } = await new JsonFileOfferStore(SHIPPED_OFFERS_FILE).load();
    expect(offers.length).toBeGreaterThan(380);
    expect(new Set(offers.map((o) => o.employer)).size).toBeGreaterThan(20);
    expect(offers.some((o) => o.reference.endsWith('/MPRH'))).toBe(true);
    // The real postings whose deadline has a typo in its year: kept in the file, not served.
    expect(setAside.map((s) => s.offer).sort()).toEqual(['3134-24-1764/SR', '3134-24-1777/SR', '3134-24-1917/SR']);
    for (const offer of setAside) expect(offer.problems.map((p) => p.code)).toContain('deadlineBeforePosting');
  });

  it('names the offer and the field of every problem, not just the first', () => {
    const noTitle = { ...good(), title: '' };
    const badDate = { ...good(), reference: '3134-25-0967/SR', deadline: '2025-02-30' };
    const badEmail = { ...good(), reference: '3134-25-0968/SR', applyTo: { email: 'drh-at-opt.nc' } };
    const result = validateOffers({ offers: [noTitle, badDate, badEmail] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ offer: '3134-25-0966/SR', field: 'title' }),
        expect.objectContaining({ offer: '3134-25-0967/SR', field: 'deadline' }),
        expect.objectContaining({ offer: '3134-25-0968/SR', field: 'applyTo.email' }),
      ]),
    );
  });

  it('refuses a malformed reference, a duplicate, a deadline before the posting date and an unknown field', () => {
    const result = validateOffers({
      offers: [
        { ...good(), reference: '0966' },
        good(),
        good(),
        { ...good(), reference: '3134-25-0970/SR', postedOn: '2025-08-01' },
        { ...good(), reference: '3134-25-0971/SR', salary: 'unknown field' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((p) => `${p.offer} ${p.field}`);
    expect(fields).toEqual(
      expect.arrayContaining(['0966 reference', '3134-25-0966/SR reference', '3134-25-0970/SR deadline', '3134-25-0971/SR salary']),
    );
  });

  it('gives each problem a kind, for messages in HR\'s language', () => {
    const result = validateOffers({
      offers: [
        { ...good(), deadline: '2025-02-30' },
        { ...good(), reference: '3134-25-0970/SR', postedOn: '2025-08-01' },
        { ...good(), reference: '3134-25-0971/SR', residence: { text: '200 ans', requirements: [{ years: 200 }] } },
        { ...good(), reference: 'REF' },
      ],
    });
    if (result.ok) throw new Error('should be refused');
    expect(result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['invalidDate', 'deadlineBeforePosting', 'outOfRange', 'badReference']),
    );
  });

  it('refuses a file that is not {"offers": [...]}', () => {
    expect(validateOffers([good()]).ok).toBe(false);
    expect(validateOffers(null).ok).toBe(false);
  });
});

describe('the offers file', () => {
  it('round-trips through lowdb and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'offers-'));
    const file = path.join(dir, 'offers.json');
    const store = new JsonFileOfferStore(file);
    await store.save(sampleOffers());
    expect(await store.load()).toEqual({ offers: sampleOffers(), setAside: [] });
    expect(await readdir(dir)).toEqual(['offers.json']);
  });

  it('sets an invalid offer aside, naming its field, and serves the others', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'offers-'));
    const file = path.join(dir, 'offers.json');
    const broken = { ...good(), reference: '3134-25-0999/SR', deadline: 'vendredi' };
    await writeFile(file, JSON.stringify({ offers: [broken, good()] }));
    const loaded = await new JsonFileOfferStore(file).load();
    expect(loaded.offers.map((o) => o.reference)).toEqual(['3134-25-0966/SR']);
    expect(loaded.setAside).toEqual([{ raw: broken, offer: '3134-25-0999/SR', problems: [expect.objectContaining({ field: 'deadline', code: 'invalidDate' })] }]);
    // Saved again, the offer set aside stays in the file for HR to correct.
    await new JsonFileOfferStore(file).save(loaded.offers, loaded.setAside.map((s) => s.raw));
    expect((await new JsonFileOfferStore(file).load()).setAside).toHaveLength(1);
  });

  it.each(['null', '0', 'false', '""', '[]', '{"offres": []}', ''])('refuses %s: a blanked or reshaped file is no offers file', async (content) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'offers-'));
    const file = path.join(dir, 'offers.json');
    await writeFile(file, content);
    await expect(new JsonFileOfferStore(file).load()).rejects.toBeInstanceOf(InvalidOffersError);
  });

  it('refuses a file that is not JSON, and a missing file, instead of starting empty', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'offers-'));
    const file = path.join(dir, 'offers.json');
    await writeFile(file, '{"offers": [ {"reference": "3134-25-0966/SR", ');
    await expect(new JsonFileOfferStore(file).load()).rejects.toBeInstanceOf(InvalidOffersError);
    await expect(new JsonFileOfferStore(path.join(dir, 'missing.json')).load()).rejects.toThrow(/file not found/);
    // The broken file is left as it was: nothing is overwritten on a failed load.
    expect(await readFile(file, 'utf8')).toContain('"reference"');
  });
});
