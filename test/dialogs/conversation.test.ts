import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { noumeaDay } from '../../data/offers/openness.js';
import { cardProblems } from '../helpers/cards.js';
import { noumeaNoon, sampleOffers } from '../helpers/offers.js';
import type { IntentRecognizer } from '../../dialogs/recognition/recognizer.js';
import { cardsOf, cardText, suggestionTitles, testConversation, textsOf, trainedRecognizer } from '../helpers/testBot.js';

// 5 July 2026, Nouméa: nine offers are open (0939, 0941, 0943, 0945, 0972, 0975, 0998, 1008, 1010).
const JULY_5 = noumeaNoon('2026-07-05');

describe('first contact', () => {
  it('welcomes a newcomer in French, with ways to start', async () => {
    const bot = testConversation(JULY_5);
    const replies = await bot.join();
    expect(textsOf(replies)).toMatch(/^Bonjour ! Je suis l'assistant emploi/);
    expect(suggestionTitles(replies)).toContain('Offres en informatique');
  });

  it('welcomes in English when the channel says the user reads English', async () => {
    const replies = await testConversation(JULY_5).join('en-US');
    expect(textsOf(replies)).toMatch(/^Hello! I am the job assistant/);
  });

  it('welcomes once, not at every member change', async () => {
    const bot = testConversation(JULY_5);
    await bot.join();
    expect(await bot.join()).toEqual([]);
  });
});

describe('searching', () => {
  it('answers a search with open offers as valid cards, closing soonest first among equals', async () => {
    const replies = await testConversation(JULY_5).say('offres en informatique');
    expect(textsOf(replies)).toMatch(/offres? ouvertes? correspond/);
    const cards = cardsOf(replies);
    expect(cards.length).toBeGreaterThan(0);
    const titles = cards.map(cardText).join('\n');
    expect(titles).toContain("Concepteur-Développeur d'Applications SI Postal");
    expect(titles).not.toContain('3134-25-0966/SR'); // closed in 2025
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    expect(replies[0]?.attachmentLayout).toBe('carousel');
  });

  it('answers "combien de postes sont ouverts ?" with the count of open offers, and the offers', async () => {
    // Searched as the word "combien" before: no offer found.
    const replies = await testConversation(JULY_5).say('combien de postes sont ouverts ?');
    expect(textsOf(replies)).toMatch(/^9 offres ouvertes\. Voici les offres 1 à 5 :/);
    expect(cardsOf(replies)).toHaveLength(5);
    expect(textsOf(await testConversation(JULY_5, { locale: 'en-US' }).say('how many jobs are available?'))).toMatch(/^9 open offers\./);
  });

  it('pages five at a time with "voir plus", then says there is no more', async () => {
    const bot = testConversation(JULY_5);
    const first = await bot.say('toutes les offres');
    expect(textsOf(first)).toContain('9 offres ouvertes. Voici les offres 1 à 5');
    expect(cardsOf(first)).toHaveLength(5);
    expect(suggestionTitles(first)).toContain('Voir plus');

    const second = await bot.say({ value: { action: 'more' } });
    expect(textsOf(second)).toContain('Offres 6 à 9 sur 9');
    expect(cardsOf(second)).toHaveLength(4);
    expect(suggestionTitles(second)).not.toContain('Voir plus');

    const seenTwice = new Set([...cardsOf(first), ...cardsOf(second)].map(cardText));
    expect(seenTwice.size).toBe(9);
    expect(textsOf(await bot.say('voir plus'))).toContain("C'est tout");
  });

  it('narrows the results when a filter is tapped, and says which filters apply', async () => {
    const bot = testConversation(noumeaNoon('2026-07-28'));
    await bot.say('toutes les offres');
    const filtered = await bot.say({ text: 'à Mont-Dore', value: { action: 'filter', kind: 'commune', value: 'Mont-Dore' } });
    expect(textsOf(filtered)).toContain('Filtres : à Mont-Dore.');
    const places = cardsOf(filtered).map(cardText);
    expect(places).toHaveLength(2);
    for (const place of places) expect(place).toContain('Mont-Dore');
    const cleared = await bot.say({ value: { action: 'clearFilters' } });
    expect(cardsOf(cleared).length).toBe(5);
  });

  it('offers domain and grade filters that split the results, and applies them when tapped', async () => {
    const bot = testConversation(JULY_5);
    const first = await bot.say('toutes les offres');
    const chips = first.flatMap((r) => r.suggestedActions?.actions ?? []);
    const domain = chips.find((c) => (c.value as { kind?: string }).kind === 'domain');
    const grade = chips.find((c) => (c.value as { kind?: string }).kind === 'grade');
    expect(domain?.title).toMatch(/^domaine /);
    expect(grade?.title).toMatch(/^grade /);
    const byDomain = await bot.say({ text: domain?.title, value: domain?.value as unknown });
    const wanted = (domain?.value as { value: string }).value;
    expect(cardsOf(byDomain).length).toBeGreaterThan(0);
    expect(textsOf(byDomain)).toContain(`Filtres : domaine ${wanted}.`);
    const byGrade = await bot.say({ text: grade?.title, value: grade?.value as unknown });
    expect(textsOf(byGrade)).toContain(`grade ${(grade?.value as { value: string }).value}`);
    for (const card of cardsOf(byGrade)) expect(cardText(card)).toContain((grade?.value as { value: string }).value);
  });

  it('understands a commune, an employer and "qui ferment bientôt" written in the sentence', async () => {
    const bot = testConversation(noumeaNoon('2026-07-28'));
    const inLifou = await bot.say('des postes à Lifou ?');
    expect(cardsOf(inLifou).map(cardText).join()).toContain('Chargé de contact clientèle');
    expect(textsOf(inLifou)).toContain('à Lifou');
    const soon = await bot.say('offres qui ferment bientôt');
    expect(textsOf(soon)).toContain('ferment dans les 7 jours');
    expect(cardsOf(soon)).toHaveLength(1); // 1049 closes on 31 July
  });

  it('says when nothing open matches, and offers the recently closed ones for information', async () => {
    const replies = await testConversation(new Date('2026-11-22T09:00:00+11:00')).say('ingénieur informatique');
    expect(textsOf(replies)).toContain('Aucune offre ouverte ne correspond à « ingénieur informatique »');
    expect(textsOf(replies)).toContain('récemment clôturées');
    const cards = cardsOf(replies).map(cardText);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toContain('Clôturée');
  });

  it('says so plainly when no offer, open or closed, matches', async () => {
    const replies = await testConversation(JULY_5).say('offres de cosmonaute');
    expect(textsOf(replies)).toContain("Je n'ai trouvé aucune offre");
    expect(cardsOf(replies)).toEqual([]);
  });

  it('quotes what the user typed as plain text, never as markup', async () => {
    const replies = await testConversation(JULY_5).say('je cherche un poste <img src=x onerror=alert(1)>');
    const quoting = replies.filter((r) => (r.text ?? '').includes('<img'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const reply of quoting) expect(reply.textFormat).toBe('plain');
  });
});

describe('one offer', () => {
  it('shows the whole posting for "détails 0975", every section, as a valid card', async () => {
    const replies = await testConversation(JULY_5).say('détails 0975');
    const [card] = cardsOf(replies);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    for (const expected of [
      '3134-26-0975/SR',
      'DIRECTION DES SYSTEMES D',
      'Ingénieur',
      "Systèmes d'information",
      'Nouméa',
      'Ingénieur 1er grade : au moins égale à 10 ans',
      'vendredi 26 juin 2026',
      'vendredi 17 juillet 2026',
      'Missions',
      'Activités principales',
      'Coordonner les mises en production',
      'Bac+3',
      'DRH-candidature@opt.nc',
      '+687267680',
      'Savoir-faire et qualités',
      'Ouverte : il reste 12 jours',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('warns that a closed offer is shown for information, and says what the posting leaves out', async () => {
    const replies = await testConversation(JULY_5).say('details 0712');
    expect(textsOf(replies)).toContain('clôturée depuis le vendredi 29 mai 2026');
    expect(cardText(cardsOf(replies)[0])).toContain("Indiquée dans l'avis publié, pas dans cette fiche : voir l'avis");
  });

  it.each([
    ['2026-07-05', 'il reste 12 jours'],
    ['2026-07-16', "jusqu'à demain, vendredi 17 juillet 2026"],
    ['2026-07-17', "se termine aujourd'hui, vendredi 17 juillet 2026, à minuit"],
    ['2026-07-18', 'est clôturée : la date limite était le vendredi 17 juillet 2026'],
  ])('on %s the deadline of 0975 reads "%s"', async (day, expected) => {
    expect(textsOf(await testConversation(noumeaNoon(day)).say('date limite de la 0975'))).toContain(expected);
  });

  it('explains how to apply: where to send, the usual documents and the deadline', async () => {
    const text = textsOf(await testConversation(JULY_5).say('comment postuler à la 0975 ?'));
    expect(text).toContain('DRH-candidature@opt.nc');
    expect(text).toContain('lettre de motivation');
    expect(text).toContain('Date limite : vendredi 17 juillet 2026');
  });

  it('says what an offer publishes about pay, and that it does not know an amount the offer does not give', async () => {
    const bot = testConversation(JULY_5);
    const published = textsOf(await bot.say('quel est le salaire de la 0941 ?'));
    expect(published).toContain("Ce que l'offre 3134-26-0941/SR « Chef de section services et maintenance - CPSM » dit de la rémunération et des avantages : Indemnités hiérarchiques de chef de section");
    expect(published).toContain('Elle est ouverte à : Cadre technique ou Technicien.');
    expect(published).toContain('demandez à Office des postes et télécommunications : DRH-candidature@opt.nc, +687 20 64 01');
    // Asked of the offer last talked about, without a reference; an offer silent on pay names no amount.
    await bot.say('détails 0975');
    const silent = textsOf(await bot.say("c'est payé combien ?"));
    expect(silent).toContain("L'offre 3134-26-0975/SR « Concepteur-Développeur d'Applications SI Postal » ne publie pas de rémunération : je ne connais pas le montant.");
    expect(silent).not.toMatch(/\d+ ?(XPF|F CFP|€)/);
    expect(textsOf(await testConversation(JULY_5, { locale: 'en-US' }).say('what is the salary for 0975?'))).toContain('does not publish its pay: I do not know the amount');
  });

  it('asks which offer when pay is asked with none in view, and answers for the offer named', async () => {
    const bot = testConversation(JULY_5);
    const shown = cardsOf(await bot.say('toutes les offres')).map((card) => /3134-\d{2}-\d{4}\/SR/.exec(cardText(card))?.[0]);
    expect(textsOf(await bot.say('quel est le salaire ?'))).toContain("De quelle offre s'agit-il ?");
    const answer = textsOf(await bot.say('la deuxième'));
    expect(answer).toContain(`offre ${shown[1]} «`);
    expect(answer).toMatch(/dit de la rémunération|ne publie pas de rémunération/);
  });

  it('answers where, when and how long one offer is, from the offer, and says when the offer does not say', async () => {
    const bot = testConversation(JULY_5);
    const where = await bot.say('où se trouve le poste 1010 ?');
    expect(textsOf(where)).toBe("Lieu de travail de l'offre 3134-26-1010/SR « Administrateur d’applications SI Télécom » : DSI, 9, rue Gallieni, Nouméa.");
    expect(suggestionTitles(where)).toEqual(['Détails']);
    // Of the offer talked about; "quand commence" once subscribed an alert to the words "commence le".
    const start = textsOf(await bot.say('quand commence le poste ?'));
    expect(start).toBe("Prise de poste pour l'offre 3134-26-1010/SR « Administrateur d’applications SI Télécom » : Dès que possible.");
    expect(textsOf(await bot.say('c’est à temps complet ?'))).toContain(': Temps complet.');
    expect(textsOf(await bot.say('quand commence la 0975 ?'))).toContain('ne précise pas la date de prise de poste');
    expect(textsOf(await bot.say('mes rappels'))).not.toMatch(/commence/);
    expect(textsOf(await testConversation(JULY_5, { locale: 'en-US' }).say('where is offer 0972 located?'))).toContain('Workplace of offer 3134-26-0972/SR');
  });

  it('answers a condition of the post in the posting\'s own words, and says it does not know where the posting is silent', async () => {
    const bot = testConversation(JULY_5);
    // Read as eligibility before: the check started and asked for a status.
    const licence = await bot.say('faut il avoir le permis pour la 0975 ?');
    expect(textsOf(licence)).toBe("Ce que dit l'offre 3134-26-0975/SR « Concepteur-Développeur d'Applications SI Postal » sur le permis de conduire :\n\n- « Permis B »");
    expect(suggestionTitles(licence)).toEqual(['Détails']);
    expect(textsOf(await bot.say('est-ce que je pourrai télétravailler ?'))).toContain('- « 2 jours de télétravail possibles »');
    // Silent is not "no": the bot does not know, and says whom to ask.
    expect(textsOf(await bot.say('il y a des astreintes sur ce poste ?'))).toBe(
      "L'offre 3134-26-0975/SR « Concepteur-Développeur d'Applications SI Postal » ne dit rien sur les astreintes : je ne sais donc pas ce qu'il en est. Pour en être sûr, demandez à Office des postes et télécommunications : DRH-candidature@opt.nc, +687267680.",
    );
    expect(textsOf(await bot.say('et le logement ?'))).toContain('ne dit rien sur le logement');
    // An eligibility question that says so is still one.
    expect(textsOf(await bot.say('suis-je éligible à la 0975 ?'))).toMatch(/fonctionnaire|contractuel/);
  });

  it('quotes the sentence on a condition, not the duties that speak of the same thing as work', async () => {
    const offers = sampleOffers().map((o) =>
      o.reference === '3134-26-1010/SR'
        ? {
            ...o,
            missions: ['L’agent devra assurer l’entretien des logements de fonction et des bâtiments.'],
            conditions: ['Déplacements fréquents en brousse. Lors des remplacements en brousse, un logement provincial sera mis à disposition.', 'Poste soumis à astreintes.'],
          }
        : o,
    );
    const bot = testConversation(JULY_5, { offers });
    // The model unsure between conditions and details: both answer the same, so the bot does not ask which.
    expect(textsOf(await bot.say('le poste 1010 a des horaires décalés ?'))).toMatch(/^L'offre 3134-26-1010\/SR « Administrateur d’applications SI Télécom » ne dit rien sur le travail de nuit/);
    expect(textsOf(await bot.say('le poste 1010 est logé ?'))).toMatch(/sur le logement :\n\n- « Lors des remplacements en brousse, un logement provincial sera mis à disposition\. »$/);
    expect(textsOf(await bot.say('quelles sont les contraintes de ce poste ?'))).toContain('- « Poste soumis à astreintes. »');
    const english = textsOf(await testConversation(JULY_5, { offers, locale: 'en-US' }).say('is there on-call work for 1010?'));
    expect(english).toBe('What offer 3134-26-1010/SR “Administrateur d’applications SI Télécom” says about on-call duty (in French, as published):\n\n- « Poste soumis à astreintes. »');
  });

  it('says it does not see applications, where the offer stands and whom to ask, never a delay of its own', async () => {
    const bot = testConversation(JULY_5);
    // Read as how to apply before: the bot explained how to send the application already sent.
    const progress = textsOf(await bot.say("j'ai postulé à la 1010 il y a dix jours, toujours rien"));
    expect(progress).toContain("Je ne vois pas les candidatures : celles à l'offre 3134-26-1010/SR « Administrateur d’applications SI Télécom » sont reçues et examinées par Office des postes et télécommunications");
    expect(progress).toContain("Les candidatures sont reçues jusqu'au vendredi 24 juillet 2026");
    expect(progress).toMatch(/contactez Office des postes et télécommunications : .*@opt\.nc.*, en rappelant la référence 3134-26-1010\/SR\./);
    expect(progress).not.toMatch(/semaines?|jours? ouvr|délai de/);
    const closed = textsOf(await testConversation(JULY_5).say('ma candidature pour la 0159 a-t-elle été retenue ?'));
    expect(closed).toContain('Les candidatures sont closes depuis le vendredi 14 février 2025.');
    const english = textsOf(await testConversation(JULY_5, { locale: 'en-US' }).say('any news about my application for 1010?'));
    expect(english).toContain('I do not see applications');
    // Whether one got the post, not whether one may apply: read as an eligibility check before.
    const taken = testConversation(JULY_5);
    await taken.say('détails 1010');
    const answer = textsOf(await taken.say('est-ce que je suis pris pour le poste ?'));
    expect(answer).toContain("Je ne vois pas les candidatures : celles à l'offre 3134-26-1010/SR");
    expect(answer).not.toMatch(/fonctionnaire|citoyen/);
  });

  it.each([
    ["j'ai envoyé mon dossier, je n'ai pas de réponse", 'la 0975', "celles à l'offre 3134-26-0975/SR"],
    ['faut-il un véhicule personnel ?', '0975', 'ne dit rien sur un véhicule'],
  ])('asks which offer "%s" is about, and answers for the one named', async (question, named, answer) => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say(question))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await bot.say(named))).toContain(answer);
  });

  it('asks which offer "c\'est où ?" is about, and answers for the one named', async () => {
    const bot = testConversation(JULY_5);
    const shown = cardsOf(await bot.say('toutes les offres')).map((card) => /3134-\d{2}-\d{4}\/SR/.exec(cardText(card))?.[0]);
    expect(textsOf(await bot.say("c'est où ?"))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await bot.say('la première'))).toContain(`Lieu de travail de l'offre ${shown[0]} «`);
  });

  it('does not invent an address the posting does not give', async () => {
    const text = textsOf(await testConversation(JULY_5).say('comment candidater pour la 0159'));
    expect(text).toContain("l'offre ne précise pas où envoyer le dossier");
    expect(text).toContain('clôturée depuis le vendredi 14 février 2025');
  });

  it('answers the card buttons exactly as the typed questions', async () => {
    const bot = testConversation(JULY_5);
    const details = await bot.say({ value: { action: 'details', reference: '3134-26-1010/SR' } });
    expect(cardText(cardsOf(details)[0])).toContain('Administrateur d’applications SI Télécom');
    const deadline = await bot.say({ value: { action: 'deadline', reference: '3134-26-1010/SR' } });
    expect(textsOf(deadline)).toContain('vendredi 24 juillet 2026');
  });

  it('keeps the offer in mind: "et la date limite ?" after the details', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('détails 1010');
    expect(textsOf(await bot.say('et la date limite ?'))).toContain('3134-26-1010/SR');
  });

  it('says when HR closed an offer early', async () => {
    const offers = sampleOffers().map((o) => (o.reference === '3134-26-0975/SR' ? { ...o, closedOn: '2026-07-03' } : o));
    const bot = testConversation(JULY_5, { offers });
    expect(textsOf(await bot.say('détails 0975'))).toContain('clôturée depuis le vendredi 3 juillet 2026');
    expect(cardsOf(await bot.say('toutes les offres')).map(cardText).join()).not.toContain('3134-26-0975/SR');
  });

  it('says an unknown reference is unknown', async () => {
    expect(textsOf(await testConversation(JULY_5).say('détails 3134-25-9999/SR'))).toContain(
      'Je ne trouve aucune offre de référence « 3134-25-9999/SR »',
    );
  });
});

describe('asking which offer', () => {
  it('asks for the reference when none is known, then answers', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('quelle est la date limite ?'))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await bot.say('la 0975'))).toContain('il reste 12 jours');
  });

  it('proposes the offers just shown as answers', async () => {
    const bot = testConversation(JULY_5);
    const shown = cardsOf(await bot.say('toutes les offres')).map((card) => /3134-\d{2}-\d{4}\/SR/.exec(cardText(card))?.[0] ?? '');
    const asked = await bot.say('comment postuler ?');
    expect(suggestionTitles(asked)).toEqual(shown);
    expect(textsOf(await bot.say(shown[3] ?? ''))).toContain(`Pour postuler à l'offre ${shown[3]}`);
  });

  it('answers another question about a named offer typed instead of the answer, not the one asked', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('comment postuler ?'))).toContain("De quelle offre s'agit-il ?");
    const deadline = textsOf(await bot.say('quelle est la date limite de la 0975 ?'));
    expect(deadline).toContain('il reste 12 jours');
    expect(deadline).not.toContain("Pour postuler à l'offre");
    // Without an offer, the new question is asked about: "which offer?" again, for it.
    const other = testConversation(JULY_5);
    await other.say('comment postuler ?');
    expect(textsOf(await other.say('est-ce que je suis pris pour le poste ?'))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await other.say('la 0975'))).toContain("Je ne vois pas les candidatures : celles à l'offre 3134-26-0975/SR");
    // The same question with its offer, or the offer alone, still answers the one asked.
    const same = testConversation(JULY_5);
    expect(textsOf(await same.say('comment postuler ?'))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await same.say('comment postuler à la 0975 ?'))).toContain("Pour postuler à l'offre 3134-26-0975/SR");
    const alone = testConversation(JULY_5);
    expect(textsOf(await alone.say('comment postuler ?'))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await alone.say('la 0975'))).toContain("Pour postuler à l'offre 3134-26-0975/SR");
  });

  it('re-asks kindly at most twice, then shows another way', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('comment postuler ?');
    expect(textsOf(await bot.say('celle-là'))).toContain('Je ne reconnais pas cette référence');
    expect(textsOf(await bot.say('euh'))).toContain('Je ne reconnais pas cette référence');
    expect(textsOf(await bot.say('aucune idée'))).toContain("Je n'ai pas trouvé l'offre. Cherchez-la d'abord");
    // The question is over: the next message is a new one.
    expect(textsOf(await bot.say('aide'))).toContain('Voici ce que je sais faire');
  });

  it('gives help in the middle of the question and asks again', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('date limite ?');
    const help = textsOf(await bot.say('aide'));
    expect(help).toContain('Voici ce que je sais faire');
    expect(help).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await bot.say('1010'))).toContain('vendredi 24 juillet 2026');
  });

  it('stops the question on "annuler"', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('date limite ?');
    expect(textsOf(await bot.say('annuler'))).toContain("C'est annulé");
    expect(cardText(cardsOf(await bot.say('0975'))[0])).toContain('Concepteur-Développeur');
  });

  it('takes "help" and "cancel" in English in the middle of the question', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('how do I apply?'))).toContain('Which offer do you mean?');
    const help = textsOf(await bot.say('help'));
    expect(help).toContain('Here is what I can do');
    expect(help).toContain('Which offer do you mean?');
    expect(textsOf(await bot.say('cancel'))).toContain('Cancelled.');
  });

  it('takes "le deuxième", "du premier", "le dernier" as the results just shown, in both languages', async () => {
    const bot = testConversation(JULY_5);
    const shown = cardsOf(await bot.say('toutes les offres')).map((card) => /3134-\d{2}-\d{4}\/SR/.exec(cardText(card))?.[0]);
    expect(shown).toHaveLength(5);
    expect(textsOf(await bot.say('quelle est la date limite du deuxième ?'))).toContain(`L'offre ${shown[1]}`);
    expect(textsOf(await bot.say('comment postuler au dernier ?'))).toContain(`Pour postuler à l'offre ${shown[4]}`);
    // Said after another offer was talked about: the place wins over "the offer we were on".
    expect(textsOf(await bot.say('what is the deadline of the first one?'))).toContain(`${shown[0]}`);
    // A place and nothing else: that offer in full.
    expect(cardText(cardsOf(await bot.say('la deuxième'))[0])).toContain(`${shown[1]}`);
    expect(cardText(cardsOf(await bot.say('the third one'))[0])).toContain(`${shown[2]}`);
    // Going on from the results: read as a search for "et la deuxième" before (it found nothing).
    expect(cardText(cardsOf(await bot.say('et la quatrième ?'))[0])).toContain(`${shown[3]}`);
    expect(cardText(cardsOf(await bot.say('and the last one?'))[0])).toContain(`${shown[4]}`);
    // A place with words of its own is still a search.
    expect(textsOf(await bot.say('le premier poste à Nouméa'))).not.toMatch(/^L'offre/);
  });

  it('takes a place as the answer to "which offer?", and not a grade\'s rank', async () => {
    const bot = testConversation(JULY_5);
    const shown = cardsOf(await bot.say('toutes les offres')).map((card) => /3134-\d{2}-\d{4}\/SR/.exec(cardText(card))?.[0]);
    expect(textsOf(await bot.say('quelle est la date limite ?'))).toContain("De quelle offre s'agit-il ?");
    expect(textsOf(await bot.say('dernier délai ?'))).toContain('Je ne reconnais pas cette référence');
    expect(textsOf(await bot.say('la troisième'))).toContain(`L'offre ${shown[2]}`);
    expect(textsOf(await bot.say('date limite ?'))).not.toContain('De quelle offre'); // the third, talked about
    const other = testConversation(JULY_5);
    await other.say('toutes les offres');
    expect(textsOf(await other.say('suis-je éligible au premier grade ?'))).toMatch(/De quelle offre/);
    await other.say('annuler');
    // "le 1er août" is a date, not the first offer shown.
    expect(textsOf(await other.say('mets un rappel le 1er août'))).toMatch(/De quelle offre/);
    await other.say('annuler');
    expect(textsOf(await other.say('remind me on the 1st of August'))).toMatch(/Which offer/);
  });

  it('one open offer found is the one the next question is about', async () => {
    const bot = testConversation(JULY_5);
    const found = await bot.say('technicien hotline');
    expect(cardsOf(found)).toHaveLength(1);
    expect(textsOf(await bot.say('quelle est la date limite ?'))).toContain("L'offre 3134-26-0939/SR");
  });

  it('follows the user who asks for something else than an offer ("mes rappels")', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('rappelle-moi la date limite'))).toContain("De quelle offre s'agit-il ?");
    const list = textsOf(await bot.say('mes rappels'));
    expect(list).toContain("Vous n'avez ni rappel ni alerte");
    expect(list).not.toContain('Je ne reconnais pas cette référence');
  });

  it('follows the user who searches instead of answering', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('comment postuler ?');
    expect(cardsOf(await bot.say('offres en informatique')).length).toBeGreaterThan(0);
  });
});

describe('understanding', () => {
  it('asks which of its two best guesses the user meant when unsure, then acts on the choice', async () => {
    const unsure: IntentRecognizer = {
      async recognize(text, language) {
        const understood = await (await trainedRecognizer()).recognize(text, language);
        return {
          ...understood,
          topIntent: 'Deadline',
          intents: [
            { category: 'Deadline', confidenceScore: 0.45 },
            { category: 'HowToApply', confidenceScore: 0.4 },
          ],
        };
      },
    };
    const bot = testConversation(JULY_5, { recognizer: unsure });
    const asked = await bot.say('la 0975, je fais quoi ?');
    expect(textsOf(asked)).toContain("Je ne suis pas sûr d'avoir compris");
    expect(suggestionTitles(asked)).toEqual(['Connaître la date limite', 'Savoir comment postuler']);
    const choice = asked[0]?.suggestedActions?.actions[1];
    const answer = await bot.say({ text: choice?.title, value: choice?.value as unknown });
    expect(textsOf(answer)).toContain("Pour postuler à l'offre 3134-26-0975/SR");
  });

  it.each(['supprime mes données', 'oublie-moi'])('asks before erasing personal data ("%s")', async (asked) => {
    const replies = await testConversation(JULY_5).say(asked);
    expect(textsOf(replies)).toMatch(/Cette action est définitive\. Confirmez-vous/);
  });
});

describe('help, cancel and the rest', () => {
  it('helps with examples', async () => {
    const replies = await testConversation(JULY_5).say('aide');
    expect(textsOf(replies)).toContain('chercher des offres');
    expect(suggestionTitles(replies)).toEqual(['Offres en informatique', 'Offres qui ferment bientôt', 'Toutes les offres']);
  });

  it('has nothing to cancel when nothing is under way', async () => {
    expect(textsOf(await testConversation(JULY_5).say('annuler'))).toContain("Il n'y avait rien en cours");
  });

  it('takes thanks and goodbyes as such, in a question too, and nothing longer for them', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('Merci beaucoup !'))).toBe('Avec plaisir ! Autre chose ? « aide » montre ce que je sais faire.');
    expect(textsOf(await testConversation(JULY_5).say('thanks a lot :)'))).toContain('You are welcome!');
    // "Which offer?" on screen: thanks, then the question again; the answer still answers it.
    const shown = cardsOf(await bot.say('toutes les offres')).map((card) => /3134-\d{2}-\d{4}\/SR/.exec(cardText(card))?.[0]);
    await bot.say('date limite ?');
    expect(textsOf(await bot.say('merci'))).toBe("Avec plaisir !\nDe quelle offre s'agit-il ? Donnez sa référence (par exemple « 0966 »).");
    expect(textsOf(await bot.say('la deuxième'))).toContain(`L'offre ${shown[1]}`);
    // In the middle of an eligibility check, "au revoir" ends it.
    await bot.say('suis-je éligible à la 0975 ?');
    expect(textsOf(await bot.say('Au revoir, bonne journée'))).toBe('Au revoir, et bonne chance pour vos candidatures ! Je reste là si besoin.');
    expect(textsOf(await bot.say('non'))).not.toMatch(/Êtes-vous|Avez-vous/);
    // Thanks with a request is the request.
    expect(textsOf(await bot.say('merci, et la date limite de la 1010 ?'))).toContain("L'offre 3134-26-1010/SR");
  });

  it("gives today's date, Nouméa's, when asked, in a question too", async () => {
    const bot = testConversation(JULY_5);
    const day = noumeaDay(bot.clock.now());
    const french = DateTime.fromISO(day).setLocale('fr').toFormat('cccc d LLLL yyyy');
    expect(french).toBe('dimanche 5 juillet 2026');
    // Searched as offer words before.
    expect(textsOf(await bot.say('quel jour sommes-nous ?'))).toBe(`Nous sommes le ${french} (heure de Nouméa).`);
    expect(textsOf(await bot.say("c'est quel jour aujourd'hui ?"))).toContain(french);
    expect(textsOf(await testConversation(JULY_5, { locale: 'en-US' }).say('what day is it today?'))).toBe(
      `Today is ${DateTime.fromISO(day).setLocale('en-GB').toFormat('cccc d LLLL yyyy')} (Nouméa time).`,
    );
    // The day moves with the clock.
    bot.clock.advance(24 * 60 * 60 * 1000);
    expect(textsOf(await bot.say('on est le combien ?'))).toContain(DateTime.fromISO(day).plus({ days: 1 }).setLocale('fr').toFormat('cccc d LLLL yyyy'));
    // "Which offer?" on screen: the date, then the question again.
    await bot.say('date limite ?');
    expect(textsOf(await bot.say('quelle est la date du jour ?'))).toMatch(/^Nous sommes le .*\nDe quelle offre s'agit-il \?/);
    // The deadline of the offer talked about is not today's date.
    await bot.say('la 0975');
    expect(textsOf(await bot.say('quelle est la date ?'))).not.toContain('Nous sommes le');
  });

  it('answers what it does not understand with what it can do', async () => {
    const replies = await testConversation(JULY_5).say('quel temps fait-il à Paris ?');
    expect(textsOf(replies)).toContain("Je n'ai pas bien compris");
  });

  it('asks for a shorter message instead of reading 50 kB', async () => {
    const replies = await testConversation(JULY_5).say(`offres ${'x'.repeat(50_000)}`);
    expect(textsOf(replies)).toContain('Votre message est trop long (50007 caractères)');
  });
});

describe('English', () => {
  it('answers in English when the user writes English, dates included', async () => {
    const bot = testConversation(JULY_5);
    const search = await bot.say('show me IT jobs');
    expect(textsOf(search)).toMatch(/open offers? match/);
    expect(cardText(cardsOf(search)[0])).toContain('Deadline');
    expect(textsOf(await bot.say('what is the deadline for 0975?'))).toContain('until the end of Friday 17 July 2026');
    expect(textsOf(await bot.say('how do I apply for 1010'))).toContain('send your application by e-mail to DRH-candidature@opt.nc');
    expect(textsOf(await bot.say('help'))).toContain('Here is what I can do');
  });

  it('keeps the conversation language for a bare reference', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('what is the deadline?');
    expect(textsOf(await bot.say('0975'))).toContain('days left');
  });

  it('goes back to French when the user does', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('help');
    expect(textsOf(await bot.say('je cherche des offres à Nouméa'))).toContain('offres ouvertes');
  });
});
