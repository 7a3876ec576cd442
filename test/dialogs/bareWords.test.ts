import { describe, expect, it } from '@jest/globals';
import { cardsOf, cardText, suggestionTitles, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';
import { isOpen } from '../../data/offers/openness.js';

/** A bare word or a job title is a search, over the real catalogue (a day when many offers were open). */
const offers = shippedOffers();
const JAN_31 = noumeaNoon('2025-01-31');

describe('a bare word or a job title', () => {
  it.each([
    ['infirmier', /infirmi/i],
    ['sage-femme', /sage-femme/i],
    ['médecin', /m[ée]decin/i],
    ['comptable', /compta/i],
    ['Lifou', /Lifou/i],
    ['CHT', /Centre hospitalier territorial/],
  ])('%s shows offers that match', async (word, expected) => {
    const bot = testConversation(JAN_31, { offers });
    const replies = await bot.say(word);
    const cards = cardsOf(replies);
    expect(textsOf(replies)).not.toMatch(/pas bien compris/);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.map(cardText).some((text) => expected.test(text))).toBe(true);
  });

  it.each([
    // "Aucune offre" before: the "t" of "a-t-il" was searched as a word.
    ["y a-t-il des offres à Nouméa ?", /Nouméa/],
    // "De quelle offre s'agit-il ?" before: read as a question about the offer on screen.
    ["est-ce qu'il y a des postes d'infirmier ?", /infirmi/i],
    ['existe-t-il des postes de comptable ?', /compta/i],
    // "Pas bien compris" before: the hospitals' offers say "centre hospitalier", not "hôpital".
    ['hôpital', /hospitalier/i],
    // "De quelle offre s'agit-il ?" before (an eligibility check), then one offer: "travailler" was searched.
    ["je voudrais travailler à l'hôpital", /hospitalier/i],
    ["j'aimerais travailler dans une mairie", /Mairie|Ville|Commune/],
  ])('the question "%s" is a search', async (question, expected) => {
    const replies = await testConversation(JAN_31, { offers }).say(question);
    expect(textsOf(replies)).not.toMatch(/De quelle offre|aucune offre/i);
    const cards = cardsOf(replies);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.map(cardText).some((text) => expected.test(text))).toBe(true);
  });

  it('nothing open at that place, some elsewhere: says how many without the filter, and one tap shows them', async () => {
    const bot = testConversation(JAN_31, { offers });
    const none = await bot.say('je cherche un poste de secrétaire à Nouméa');
    expect(textsOf(none)).toContain('Filtres : à Nouméa.');
    expect(textsOf(none)).toMatch(/Sans ces filtres, \d+ offres? ouvertes? correspond/);
    expect(textsOf(none)).not.toMatch(/Essayez un autre mot/);
    expect(suggestionTitles(none)).toContain('Sans filtre');
    const wider = await bot.say({ value: { action: 'clearFilters' } });
    expect(textsOf(wider)).not.toContain('Filtres');
    expect(textsOf(wider)).toMatch(/correspondent à « [^»]*secrétaire »/);
    expect(textsOf(wider)).not.toContain('Nouméa');
    expect(cardsOf(wider).map(cardText).some((text) => /Secrétaire/i.test(text))).toBe(true);
    // The button's words typed do the same.
    await bot.say('je cherche un poste de secrétaire à Nouméa');
    expect(cardsOf(await bot.say('sans filtre')).map(cardText).join('\n')).toEqual(cardsOf(wider).map(cardText).join('\n'));
    // In English too; and no such line when the words alone find nothing either.
    const english = testConversation(JAN_31, { offers });
    expect(textsOf(await english.say('secretary jobs in Nouméa'))).toMatch(/Without these filters, \d+ open offers? match/);
    expect(textsOf(await bot.say('blorf à Nouméa'))).not.toMatch(/Sans ces filtres/);
  });

  it.each([
    ['secrétaire à Nouméa', 'Filtres : à Nouméa.'],
    ["agent d'entretien à Koné", 'Filtres : à Koné.'],
    ['plombier à Lifou', 'Filtres : à Lifou.'],
  ])('"%s", a trade and a place and nothing else, is a search there (it was read as "help")', async (text, filters) => {
    const replies = await testConversation(JAN_31, { offers }).say(text);
    expect(textsOf(replies)).toContain(filters);
    expect(textsOf(replies)).not.toMatch(/Voici ce que je sais faire/);
  });

  it('"et à Koné ?" after a search is that search at Koné (it searched every offer at Koné)', async () => {
    const bot = testConversation(JAN_31, { offers });
    const nurses = await bot.say("je cherche un poste d'infirmier");
    const found = Number(/^(\d+) offres ouvertes/.exec(textsOf(nurses))?.[1]);
    expect(found).toBeGreaterThan(1);
    const atKone = textsOf(await bot.say('et à Koné ?'));
    expect(atKone).toContain('Filtres : à Koné.');
    // None of the nurses' offers is at Koné that day: the count without the place is theirs, not every offer's.
    expect(atKone).toMatch(new RegExp(`Sans ces filtres, ${found} offres ouvertes correspond`));
    expect(atKone).not.toMatch(/AGENT D’ENTRETIEN/i);
    // A place for a place: "et à Nouméa ?" is the nurses' search at Nouméa, quoting the words first said.
    const atNoumea = await bot.say('et à Nouméa aussi ?');
    expect(textsOf(atNoumea)).toContain('Filtres : à Nouméa.');
    expect(textsOf(atNoumea)).toMatch(new RegExp(`« je cherche un poste d'infirmier » .*Sans ces filtres, ${found} offres`));
    expect(cardsOf(atNoumea).length).toBeGreaterThan(0);
    expect(cardsOf(atNoumea).map(cardText).every((text) => /Lieu de travail\s+Nouméa/.test(text))).toBe(true);
    // Words of its own make a search of its own.
    expect(textsOf(await bot.say('et comptable à Nouméa ?'))).not.toMatch(/infirmier/);
    const english = testConversation(JAN_31, { offers, locale: 'en-US' });
    await english.say('nurse jobs');
    expect(textsOf(await english.say('and in Nouméa?'))).toMatch(/Filters: in Nouméa\./);
  });

  it('a follow-up after a thank-you goes on from the last search: "merci, et à Nouméa ?"', async () => {
    const bot = testConversation(JAN_31, { offers });
    await bot.say("je cherche un poste d'infirmier");
    const thanked = textsOf(await bot.say('merci ! et à Nouméa ?'));
    expect(thanked).toContain('Filtres : à Nouméa.');
    expect(thanked).toContain("« je cherche un poste d'infirmier »");
    expect(textsOf(await bot.say("ok d'accord, et à Koné ?"))).toMatch(/Filtres : à Koné\.[^]*Sans ces filtres/);
    const english = testConversation(JAN_31, { offers, locale: 'en-US' });
    await english.say('nurse jobs');
    expect(textsOf(await english.say('thanks, and in Nouméa?'))).toMatch(/Filters: in Nouméa\./);
  });

  it('a trade said of oneself is a search for it: "je suis infirmière, quels postes pour moi ?"', async () => {
    const count = async (text: string, locale?: string) => {
      const replies = await testConversation(JAN_31, { offers, ...(locale ? { locale } : {}) }).say(text);
      expect(cardsOf(replies).map(cardText).every((card) => /infirmi/i.test(card))).toBe(true);
      return Number(/^(\d+) (?:offres? ouvertes?|open offers?)/.exec(textsOf(replies))?.[1]);
    };
    const nurses = await count('infirmier');
    expect(nurses).toBeGreaterThan(1);
    // Read as an eligibility check before ("which offer?", or "did you mean…?").
    expect(await count('je suis infirmière, quels postes pour moi ?')).toBe(nurses);
    // "de formation" stays a search word: nurses' offers that speak of training.
    expect(await count('je suis infirmier de formation')).toBeGreaterThan(0);
    expect(await count("I'm a nurse", 'en-US')).toBe(nurses);
    // A status or a check is still the eligibility check's.
    for (const check of ['je suis fonctionnaire', 'je suis agent contractuel', 'je suis infirmière, je peux postuler à la 0069 ?']) {
      expect(textsOf(await testConversation(JAN_31, { offers }).say(check))).not.toMatch(/offres ouvertes correspond/);
    }
  });

  it('"qui ferment demain", "closing today": the offers whose deadline is that day at the latest', async () => {
    const bot = testConversation(JAN_31, { offers });
    const today = offers.filter((offer) => offer.postedOn <= '2025-01-31' && offer.deadline === '2025-01-31').length;
    const byTomorrow = offers.filter((offer) => offer.postedOn <= '2025-01-31' && offer.deadline >= '2025-01-31' && offer.deadline <= '2025-02-01').length;
    expect(today).toBeGreaterThan(5);
    // Searched as the words "demain" before, under the week's filter: nothing.
    const tomorrow = textsOf(await bot.say('quelles sont les offres qui ferment demain ?'));
    expect(tomorrow).toContain("Filtres : ferment d'ici demain.");
    expect(tomorrow).toContain(`${byTomorrow} offres ouvertes.`);
    expect(textsOf(await bot.say("offres qui ferment aujourd'hui"))).toContain(`Filtres : ferment aujourd'hui. ${today} offres ouvertes.`);
    expect(textsOf(await testConversation(JAN_31, { offers, locale: 'en-US' }).say('jobs closing today'))).toContain(`Filters: closing today. ${today} open offers.`);
    expect(textsOf(await bot.say('offres qui ferment bientôt'))).toContain('ferment dans les 7 jours');
  });

  it('"celles à Nouméa", "uniquement au CHT", "la 2" go on from the results', async () => {
    const bot = testConversation(JAN_31, { offers });
    const shown = cardsOf(await bot.say('infirmier')).map((card) => /\d{4}-\d{2}-\d{4}\/SR|\d{2}-\d{5}\/MPRH/.exec(cardText(card))?.[0]);
    expect(cardText(cardsOf(await bot.say('la 2'))[0])).toContain(`${shown[1]}`);
    // Read as help before; a search for "celles" before.
    const atCht = await bot.say('uniquement au CHT');
    expect(textsOf(atCht)).toMatch(/^Filtres : Centre hospitalier territorial Gaston-Bourret\. \d+ offres? ouvertes? correspond\w* à « infirmier »/);
    expect(cardsOf(atCht).map(cardText).every((card) => /infirmi/i.test(card) && /Gaston-Bourret/.test(card))).toBe(true);
    // Added to the filters already there, as "et à Nouméa ?" is.
    expect(textsOf(await bot.say('celles à Nouméa'))).toMatch(/^Filtres : Centre hospitalier territorial Gaston-Bourret, à Nouméa\. Aucune offre ouverte ne correspond à « infirmier »/);
  });

  it('"je suis infirmier de formation" searches nurses\' offers, not the word "formation"', async () => {
    const nurses = textsOf(await testConversation(JAN_31, { offers }).say('je suis infirmier, quels postes ?'));
    const count = /(\d+) offres ouvertes/.exec(nurses)?.[1];
    expect(Number(count)).toBeGreaterThan(1);
    // One offer before: "formation" was searched too.
    expect(textsOf(await testConversation(JAN_31, { offers }).say('je suis infirmier de formation, quels postes ?'))).toContain(`${count} offres ouvertes`);
  });

  it('"chauffeur" is no "conducteur d\'opération" (who runs building works)', async () => {
    const bot = testConversation(JAN_31, { offers });
    const works = offers.filter((offer) => /conducteur d['’]op[ée]ration/i.test(JSON.stringify(offer)) && offer.postedOn <= '2025-01-31' && offer.deadline >= '2025-01-31');
    expect(works.length).toBeGreaterThan(0);
    // Two construction offers shown before, through "conducteur".
    const replies = await bot.say('chauffeur');
    expect(cardsOf(replies)).toHaveLength(0);
    expect(textsOf(replies)).toMatch(/aucune offre/i);
    // "driver" reads as "chauffeur": two medical secretaries' offers before, through a neighbour of the English word alone.
    const english = await testConversation(JAN_31, { offers }).say({ text: 'driver', locale: 'en-US' });
    expect(cardsOf(english)).toHaveLength(0);
    expect(textsOf(english)).toMatch(/no offer/i);
  });

  it('still gets the fallback when it names nothing the catalogue holds', async () => {
    const bot = testConversation(JAN_31, { offers });
    expect(textsOf(await bot.say('blorf zimzam'))).toMatch(/pas bien compris/);
  });
  it('"je cherche du travail", "looking for work": every open offer, not the "Contrôleur du travail" first; "médecin du travail" is a trade', async () => {
    const open = offers.filter((o) => isOpen(o, JAN_31)).length;
    for (const [said, count] of [['je cherche du travail', `${open} offres ouvertes.`], ["I'm looking for work", `${open} open offers.`]] as const) {
      const replies = await testConversation(JAN_31, { offers }).say(said);
      expect(textsOf(replies)).toContain(count);
      expect(cardText(cardsOf(replies)[0])).not.toMatch(/contr[ôo]leur du travail/i);
    }
    const doctors = cardsOf(await testConversation(JAN_31, { offers }).say('médecin du travail')).map(cardText);
    expect(doctors.some((text) => /m[ée]decin/i.test(text))).toBe(true);
  });
});
