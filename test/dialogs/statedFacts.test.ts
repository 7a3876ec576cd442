import { describe, expect, it } from '@jest/globals';
import { cardsOf, cardText, testConversation, textsOf } from '../helpers/testBot.js';
import { noumeaNoon, shippedOffers } from '../helpers/offers.js';

/** "Postes à temps partiel", "offres en CDD", "catégorie B": facts few real postings state, found where their text says them. */
const offers = shippedOffers();
const TODAY = '2025-01-31';
const JAN_31 = noumeaNoon(TODAY);
const REFERENCE = /\d{4}-\d{2}-\d{4}\/SR|\d{2}-\d{5}\/MPRH/;
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const openSaying = (pattern: RegExp) =>
  offers.filter((offer) => offer.postedOn <= TODAY && offer.deadline >= TODAY && !offer.closedOn && pattern.test(folded(JSON.stringify(offer))));

describe('facts few postings state', () => {
  it('"postes à temps partiel" lists the open offers whose text says so, and says others may be too', async () => {
    const partTime = openSaying(/temps partiel|mi-temps|temps non complet/);
    expect(partTime.length).toBeGreaterThan(0);
    const bot = testConversation(JAN_31, { offers });
    // "Which offer?" before, then five offers matching "temps" somewhere.
    const replies = await bot.say('postes à temps partiel');
    const text = textsOf(replies);
    expect(text).toMatch(/^Filtres : à temps partiel\. Peu d'offres disent leur temps de travail : .*une offre qui ne le dit pas peut l'être aussi\./);
    expect(text).toContain(`${partTime.length} offre`);
    const shown = cardsOf(replies).map((card) => REFERENCE.exec(cardText(card))?.[0]);
    expect(shown.sort()).toEqual(partTime.map((offer) => offer.reference).sort());
    const english = textsOf(await testConversation(JAN_31, { offers }).say({ text: 'part-time jobs', locale: 'en-US' }));
    expect(english).toMatch(/^Filters: part-time\. Few offers state their working time/);
  });

  it('"offres en CDD" finds the offers that say it; "postes de catégorie B" that none open does, and never that none is', async () => {
    const bot = testConversation(JAN_31, { offers });
    const fixedTerm = openSaying(/\bcdd\b|duree determinee/);
    // Nothing found before: "CDD" was searched as a word of the title.
    expect(textsOf(await bot.say('offres en CDD'))).toContain(`Filtres : en CDD. Peu d'offres disent leur type de contrat`);
    expect(fixedTerm.length).toBeGreaterThan(0);
    const category = textsOf(await bot.say('postes de catégorie B'));
    expect(category).toMatch(/^Filtres : catégorie B\. Peu d'offres disent leur catégorie : .*peut l'être aussi\./);
    expect(category).toMatch(openSaying(/categorie b\b/).length === 0 ? /Aucune offre n'est ouverte/ : /offres? ouvertes?/);
  });

  it('"je cherche un stage", "internship": offers that say they are one, never the "sage-femme" a typo away', async () => {
    const traineeships = openSaying(/offre de stage|convention de stage|gratification de stage|contrat d'apprentissage|alternance/);
    for (const [text, locale] of [['je cherche un stage', 'fr-FR'], ['stage en informatique', 'fr-FR'], ['y a-t-il des stages ?', 'fr-FR'], ['internship', 'en-US'], ['any apprenticeships?', 'en-US']] as const) {
      const replies = await testConversation(JAN_31, { offers }).say({ text, locale });
      const said = textsOf(replies);
      expect(said).toMatch(locale === 'fr-FR' ? /Filtres : (?:domaine Informatique, )?stage ou alternance\. Peu d'offres disent être un stage/ : /Filters: internship or apprenticeship\. Few offers state/);
      expect(cardsOf(replies)).toHaveLength(traineeships.length);
      expect(cardsOf(replies).map(cardText).join(' ')).not.toMatch(/sage-femme/i);
    }
  });

  it('"offres sans diplôme": the offers that say none is required, never those for graduates', async () => {
    const noDiploma = openSaying(/sans (?:condition de )?diplome|aucun diplome (?:n'est )?(?:requis|exige)|pas de diplome (?:requis|exige)/);
    for (const [text, locale] of [['offres sans diplôme', 'fr-FR'], ['jobs with no degree', 'en-US']] as const) {
      const replies = await testConversation(JAN_31, { offers }).say({ text, locale });
      expect(textsOf(replies)).toMatch(locale === 'fr-FR' ? /Filtres : sans diplôme exigé\. Peu d'offres disent qu'aucun diplôme n'est exigé/ : /Filters: no diploma required\. Few offers state/);
      // "Infirmier(e)s anesthésistes diplômé(e)s d'Etat" before.
      expect(cardsOf(replies)).toHaveLength(noDiploma.length);
    }
  });

  it('asked of one offer, it stays a question about that offer', async () => {
    const bot = testConversation(JAN_31, { offers });
    expect(textsOf(await bot.say('la 0966 est-elle à temps partiel ?'))).toMatch(/ne précise pas le temps de travail/);
  });
});
