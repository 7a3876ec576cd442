import { describe, expect, it } from '@jest/globals';
import { cardProblems } from '../helpers/cards.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { offerFromPostingText } from '../../data/offers/postingText.js';
import { noumeaNoon, PROJECT_ROOT, shippedOffers } from '../helpers/offers.js';
import { cardsOf, cardText, suggestionTitles, testConversation, textsOf, type TestConversation } from '../helpers/testBot.js';

const JULY_5 = noumeaNoon('2026-07-05');

/** Says each line in turn; returns the replies to the last. */
async function dialog(bot: TestConversation, ...lines: string[]) {
  let replies: Awaited<ReturnType<TestConversation['say']>> = [];
  for (const line of lines) replies = await bot.say(line);
  return replies;
}

function verdictOf(replies: Awaited<ReturnType<TestConversation['say']>>): string {
  const [card] = cardsOf(replies);
  expect(card).toBeDefined();
  expect(cardProblems(card)).toEqual([]);
  return cardText(card);
}

describe('the eligibility check, in French', () => {
  it('a resident of six and a half years, for the second grade: eligible, with reasons, sources and next steps', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('suis-je éligible à la 0975 ?'))).toMatch(/Êtes-vous déjà fonctionnaire/);
    expect(suggestionTitles(await bot.say('non'))).toEqual(['Oui', 'Non', 'Je ne sais pas', 'Qu’est-ce qu’un citoyen ?']);
    expect(suggestionTitles(await bot.say('non'))).toEqual(['Oui', 'Non', 'Je ne sais pas']);
    expect(textsOf(await bot.say('oui'))).toMatch(/dépend du grade \(Ingénieur 1er grade : 10 ; Ingénieur 2ème grade : 5\)/);
    expect(textsOf(await bot.say('Ingénieur 2ème grade'))).toMatch(/Depuis quand résidez-vous/);
    expect(textsOf(await bot.say('depuis 2019'))).toMatch(/plus haut diplôme/);
    const verdict = verdictOf(await bot.say('Bac+3'));
    expect(verdict).toMatch(/^Vous pouvez postuler/);
    expect(verdict).toContain("depuis 6,5 ans ; l'offre demande au moins 5 ans pour le grade « Ingénieur 2ème grade » : vous êtes prioritaire");
    expect(verdict).toContain('https://drhfpnc.gouv.nc/acces-fp-emploi/le-dispositif-relatif-lemploi-local');
    // The legal texts by their names, next to the page that explains them.
    expect(verdict).toContain('loi du pays n° 2016-17 du 19 décembre 2016 (emploi local) et délibération n° 216 du 29 décembre 2016');
    expect(verdict).toContain('une copie du diplôme exigé');
    expect(verdict).toContain('DRH-candidature@opt.nc');
    expect(verdict).toContain('Date limite : vendredi 17 juillet 2026');
    expect(verdict).toContain("la décision officielle appartient à l'employeur");
    expect(verdict).toContain('Me le rappeler');
    expect(await bot.profile()).toEqual({ status: 'external', citizen: false, french: true, residenceSince: '2019-01-01', residencePrecision: 'year', education: 3 });
  });

  it('a second check for another offer asks nothing already known', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975 ?', 'non', 'non', 'oui', 'Ingénieur 1er grade', 'depuis 2019', 'Bac+3');
    // Only the grade, which belongs to this application.
    expect(textsOf(await bot.say('et pour la 1010, je peux postuler ?'))).toMatch(/Pour quel grade postulez-vous/);
    // Short of the years: no priority, but the right to apply, and what the employer may do.
    expect(verdictOf(await bot.say('1er grade'))).toMatch(/^Vous pouvez postuler, sans priorité[\s\S]*au moins 10 ans pour le grade « Ingénieur 1er grade »[\s\S]*commission paritaire de l'emploi local \(CPELFP\)/);
  });

  it('"je ne sais pas" to the grade: the residence is asked anyway, and the verdict is given grade by grade', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975 ?', 'non', 'non', 'oui');
    expect(textsOf(await bot.say('je ne sais pas'))).toMatch(/[Dd]epuis quand/);
    const verdict = verdictOf(await dialog(bot, 'depuis 2019', 'Bac+5'));
    expect(verdict).toMatch(/^Vous pouvez postuler/);
    expect(verdict).toMatch(/Prioritaire pour : Ingénieur 2ème grade\. Sans priorité[^:]*: Ingénieur 1er grade\./);
  });

  it('understands a natural opening: "je voudrais savoir si je peux postuler à la 1010"', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('je voudrais savoir si je peux postuler à la 1010'))).toMatch(/déjà fonctionnaire/);
  });

  it('"c\'est quoi, être citoyen ?": citizenship explained in one sentence, with its source, then the same question', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975 ?', 'non');
    const explained = textsOf(await bot.say("c'est quoi être citoyen ?"));
    expect(explained).toMatch(/article 4 de la loi organique[^.]*liste électorale spéciale pour les élections provinciales/);
    expect(explained).toContain('le-dispositif-relatif-lemploi-local');
    expect(explained).toMatch(/Êtes-vous citoyen de la Nouvelle-Calédonie \?$/);
    // The button asks the same; neither counts as a wrong answer, so no "give up" however often.
    for (let i = 0; i < 4; i += 1) expect(textsOf(await bot.say('Qu’est-ce qu’un citoyen ?'))).toMatch(/liste électorale spéciale/);
    expect(textsOf(await bot.say('oui'))).toMatch(/plus haut diplôme/);
    expect((await bot.profile()).citizen).toBe(true);
  });

  it('la nationalité, demandée à qui n’est ni citoyen ni fonctionnaire ; « non » : ni « oui » ni « non », mais à qui demander', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await dialog(bot, 'suis-je éligible à la 1010 ?', 'non', 'non'))).toMatch(/Êtes-vous de nationalité française \?/);
    const verdict = verdictOf(await dialog(bot, 'non', '2ème grade', 'depuis 2012', 'Bac+5'));
    expect(verdict).toMatch(/^Je ne peux pas conclure/);
    expect(verdict).toContain('demandent la nationalité française, sauf les exceptions que les textes prévoient');
    expect(verdict).toContain('https://drhfpnc.gouv.nc/carriere-des-agents-publics/agents-contractuels-de-droit-public');
    expect(verdict).not.toMatch(/Vous ne remplissez pas/);
    expect((await bot.profile()).french).toBe(false);
    // Said in an opening sentence, it is not asked.
    const other = testConversation(JULY_5);
    expect(textsOf(await other.say('je suis française mais je ne suis pas citoyenne, je peux postuler à la 1010 ?'))).toMatch(/déjà fonctionnaire/);
    expect(textsOf(await other.say('non'))).toMatch(/Pour quel grade/);
    expect(await other.profile()).toMatchObject({ citizen: false, french: true });
  });

  it('a citizen: no grade, no years', async () => {
    const bot = testConversation(JULY_5);
    const verdict = verdictOf(await dialog(bot, 'je peux candidater à la 0975 ?', "Ni l'un ni l'autre", 'oui', 'Bac+5 ou plus'));
    expect(verdict).toMatch(/^Vous pouvez postuler/);
    expect(verdict).toContain('Vous êtes citoyen de la Nouvelle-Calédonie');
  });

  it('"je suis fonctionnaire" and "I am a civil servant" on their own start the check, the status taken, not the help', async () => {
    const bot = testConversation(JULY_5);
    await bot.say('détails 0975');
    // The status said is not asked again: the next question is the corps.
    expect(suggestionTitles(await bot.say('je suis fonctionnaire'))).toEqual(['Ingénieur', 'Un autre corps']);
    const english = testConversation(JULY_5);
    await english.say('details 0975');
    expect(textsOf(await english.say('I am a civil servant'))).not.toMatch(/Here is what I can do/);
  });

  it('a civil servant of the corps: another route, through the hierarchy, nothing else asked', async () => {
    const bot = testConversation(JULY_5);
    expect(suggestionTitles(await dialog(bot, 'suis-je éligible à la 0975', 'Fonctionnaire'))).toEqual(['Ingénieur', 'Un autre corps']);
    const verdict = verdictOf(await bot.say('Ingénieur'));
    expect(verdict).toMatch(/^Vous pouvez postuler, par une autre voie/);
    expect(verdict).toContain('par mutation ou détachement, sans condition de résidence');
  });

  it('a laureate of the corps’ concours: another route (a first posting), to confirm with HR; of another concours: as an external candidate', async () => {
    const bot = testConversation(JULY_5);
    expect(suggestionTitles(await bot.say('suis-je éligible à la 0975'))).toEqual(['Fonctionnaire', 'Agent contractuel', "Lauréat d'un concours", 'Aucun des trois']);
    expect(textsOf(await bot.say("Lauréat d'un concours"))).toBe('Vous êtes lauréat du concours de quel corps ?');
    const verdict = verdictOf(await bot.say('Ingénieur'));
    expect(verdict).toMatch(/^Vous pouvez postuler, par une autre voie/);
    expect(verdict).toContain('par la voie du concours et non par le recrutement sur titre');
    expect(verdict).toContain('DRH-candidature@opt.nc');
    const other = testConversation(JULY_5);
    await dialog(other, 'suis-je éligible à la 0975', "j'ai réussi le concours", 'Technicien');
    expect(textsOf(await other.say('oui'))).toMatch(/plus haut diplôme/);
    const external = verdictOf(await other.say('Bac+5'));
    expect(external).toContain("Votre concours (Technicien) n'est pas celui du corps de l'offre");
    expect(external).toMatch(/^Vous pouvez postuler/);
  });

  it('contract staff short of the diploma: not eligible, both said', async () => {
    const bot = testConversation(JULY_5);
    const verdict = verdictOf(await dialog(bot, 'suis-je éligible à la 1010', 'Agent contractuel', 'oui', 'Bac+2'));
    expect(verdict).toMatch(/^Vous ne remplissez pas les conditions/);
    expect(verdict).toContain("l'offre demande Bac+3, vous indiquez Bac+2");
    expect(verdict).toContain('Comme agent contractuel');
  });

  it('an offer whose record says nothing of residence: the posting states it, never "no condition"', async () => {
    const bot = testConversation(JULY_5);
    const verdict = verdictOf(await dialog(bot, 'mon éligibilité pour la 0939', 'non', 'non', 'oui'));
    expect(verdict).toMatch(/^Je ne peux pas conclure/);
    expect(verdict).toContain("c'est l'avis publié qui l'indique");
    expect(verdict).toContain("Je ne peux pas dire qu'il n'y a aucune condition.");
    expect(verdict).not.toContain('aucune condition de résidence n');
  });

  it('a closed offer: not eligible, with the date, nothing asked', async () => {
    const bot = testConversation(JULY_5);
    const verdict = verdictOf(await bot.say('suis-je éligible à la 0903 ?'));
    expect(verdict).toMatch(/^Vous ne remplissez pas les conditions[\s\S]*closes depuis le vendredi 3 juillet 2026/);
    expect(verdict).not.toContain('Me le rappeler');
  });

  it('"suis-je éligible ?" asks which offer, and takes the one in the conversation when there is one', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('suis-je éligible ?'))).toMatch(/De quelle offre/);
    expect(textsOf(await bot.say('0939'))).toMatch(/Vérifions si vous pouvez postuler à l'offre 3134-26-0939\/SR/);
    const other = testConversation(JULY_5);
    await other.say('détails 0975');
    expect(textsOf(await other.say('suis-je éligible ?'))).toMatch(/l'offre 3134-26-0975\/SR/);
  });

  it('re-asks kindly after an answer it cannot use, at most twice, then goes on', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975', 'non', 'non', 'oui', '2ème grade');
    expect(textsOf(await bot.say('depuis 2030'))).toMatch(/^Cette date est dans le futur\. Depuis quand résidez-vous/);
    expect(textsOf(await bot.say('-2 ans'))).toMatch(/^Une durée de résidence ne peut pas être négative\./);
    const third = await bot.say('longtemps');
    expect(textsOf(third)).toMatch(/^Je passe cette question/);
    expect(textsOf(third)).toMatch(/plus haut diplôme/);
    const verdict = verdictOf(await bot.say('bac+3'));
    expect(verdict).toMatch(/^Je ne peux pas conclure[\s\S]*Il me manque : votre durée de résidence/);
  });

  it('an unknown grade is asked again with the offer’s grades', async () => {
    const bot = testConversation(JULY_5);
    const replies = await dialog(bot, 'suis-je éligible à la 0975', 'non', 'non', 'oui', 'Technicien');
    expect(textsOf(replies)).toMatch(/^Ce grade n'est pas un de ceux de l'offre\./);
    expect(suggestionTitles(replies)).toEqual(['Ingénieur 1er grade', 'Ingénieur 2ème grade']);
  });

  it('"annuler" stops the check; "aide" helps and asks the question again', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975', 'non');
    const help = await bot.say('aide');
    expect(textsOf(help)).toMatch(/Voici ce que je sais faire[\s\S]*Êtes-vous citoyen de la Nouvelle-Calédonie/);
    expect(textsOf(await bot.say('annuler'))).toBe("C'est annulé. Que puis-je faire pour vous ?");
    expect(textsOf(await bot.say('oui'))).not.toMatch(/Depuis quand/);
  });

  it('"annuler" at the free question about the corps stops, it is not taken for a corps', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975', 'Fonctionnaire');
    expect(textsOf(await bot.say('annuler'))).toBe("C'est annulé. Que puis-je faire pour vous ?");
    expect((await bot.profile()).corps).toBeUndefined();
  });

  it('a citizen who does not live here now (studies abroad) is a citizen: no contradiction asked, priority', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975', 'non', 'non', 'oui', '2ème grade', 'pas encore', 'bac+3');
    // The user changes their answer: citizen after all (away for their studies).
    const card = cardsOf(await bot.say('mes informations'))[0] as { actions: Array<{ title: string; data: unknown }> };
    const edit = card.actions.find((a) => a.title === 'Modifier : Citoyen de la Nouvelle-Calédonie');
    expect(textsOf(await bot.say({ value: edit?.data }))).toMatch(/Êtes-vous citoyen/);
    expect(textsOf(await bot.say('oui'))).toBe("C'est noté.");
    const verdict = verdictOf(await bot.say('suis-je éligible à la 0975'));
    expect(verdict).toMatch(/^Vous pouvez postuler/);
    expect(verdict).not.toMatch(/Lequel est juste/);
  });

  it('"mes informations" shows the profile; "Tout effacer" forgets it', async () => {
    const bot = testConversation(JULY_5);
    expect(textsOf(await bot.say('mes informations'))).toMatch(/aucune information sur vous/);
    await dialog(bot, 'suis-je éligible à la 0939', 'non');
    const card = cardsOf(await bot.say('modifier'))[0];
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('ni fonctionnaire ni contractuel');
    const clear = (card as { actions: Array<{ title: string; data: unknown }> }).actions.find((a) => a.title === 'Tout effacer');
    expect(textsOf(await bot.say({ value: clear?.data }))).toBe("J'ai effacé vos informations.");
    expect(await bot.profile()).toEqual({});
  });

  it('checks every open offer at once and lists those the profile fits', async () => {
    const bot = testConversation(JULY_5);
    // Three years are short of the engineers' five: their diploma need not be asked.
    const replies = await dialog(bot, 'à quelles offres puis-je postuler ?', "Ni l'un ni l'autre", 'non', 'oui', '3 ans', 'Bac+5');
    // Three years are short of the engineers' five (no priority, but they may apply); the offers whose
    // record is silent on residence cannot be concluded.
    expect(textsOf(replies)).toMatch(/^Avec vos informations, vous pouvez postuler à [1-9] des 9 offres ouvertes :[\s\S]*il me manque une information/);
    expect(cardsOf(replies).map(cardText).join('\n')).toContain('3134-26-0975/SR');
  });

  it('offers every open offer as the answer to "which offer?", and takes "toutes" typed', async () => {
    const bot = testConversation(JULY_5);
    const asked = await bot.say('je peux postuler ?');
    expect(textsOf(asked)).toContain("De quelle offre s'agit-il ?");
    expect(suggestionTitles(asked)).toEqual(['Toutes les offres ouvertes']);
    expect(textsOf(await bot.say('Toutes les offres ouvertes'))).toMatch(/^Vérifions à quelles offres ouvertes vous pouvez postuler/);
    // Typed, after a search: "toutes" is the check against all, not a new search of every offer.
    const other = testConversation(JULY_5);
    await other.say('offres en informatique');
    expect(suggestionTitles(await other.say('suis-je éligible ?'))).toContain('Toutes les offres ouvertes');
    expect(textsOf(await other.say('toutes'))).toMatch(/^Vérifions à quelles offres ouvertes/);
    // Anywhere else, "toutes" is still every offer.
    expect(textsOf(await testConversation(JULY_5).say('toutes'))).toContain('9 offres ouvertes');
  });
});

describe('the eligibility check, in English', () => {
  it('"am I eligible for 0975": four years is short of five', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    expect(textsOf(await bot.say('am I eligible for 0975?'))).toMatch(/Are you already a civil servant/);
    await dialog(bot, 'Neither', 'no', 'yes', 'second grade');
    // Four years are short of five: no priority, so the diploma still decides.
    expect(textsOf(await bot.say('four years'))).toMatch(/highest qualification/);
    const verdict = verdictOf(await bot.say("a master's degree"));
    expect(verdict).toMatch(/^You can apply, without priority/);
    expect(verdict).toContain('You have lived in New Caledonia for 4 years; the offer asks for at least 5 years for the grade “Ingénieur 2ème grade”');
    expect(verdict).toContain('Source');
  });

  it('takes what the question says: "I have lived here for four years, is that enough" for 1010', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await bot.say('details 1010');
    await bot.say('I have lived here for four years, is that enough');
    expect((await bot.profile()).residenceSince).toBe('2022-07-05');
    expect(textsOf(await bot.say('neither'))).toMatch(/citizen/);
    expect(textsOf(await bot.say('I don’t know'))).toMatch(/French national/);
    expect(textsOf(await bot.say('yes'))).toMatch(/Which grade/);
  });

  it('"what does that mean?" to the citizen question: explained, then asked again', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await dialog(bot, 'am I eligible for 0975?', 'Neither');
    const explained = textsOf(await bot.say('what does that mean?'));
    expect(explained).toMatch(/article 4 of the organic law[^.]*special electoral roll for the provincial elections/);
    expect(explained).toMatch(/Are you a citizen of New Caledonia\?$/);
    expect(textsOf(await bot.say('no'))).toMatch(/Are you a French national\?/);
  });

  it('a laureate of the corps, in English', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    expect(textsOf(await dialog(bot, 'am I eligible for 0975?', 'Laureate of a concours'))).toBe('For which corps did you pass the concours?');
    const verdict = verdictOf(await bot.say('Ingénieur'));
    expect(verdict).toMatch(/^You can apply, by another route[\s\S]*by the concours route rather than recruitment “sur titre”/);
  });

  it('not French: no "not eligible", but the exceptions the texts allow and whom to ask', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    const verdict = verdictOf(await dialog(bot, 'am I eligible for 1010?', 'Neither', 'no', 'no', 'second grade', 'since 2012', 'Bac+5'));
    expect(verdict).toMatch(/^I cannot tell/);
    expect(verdict).toContain('require French nationality, save for exceptions the texts provide');
    expect(verdict).toContain('agents-contractuels-de-droit-public');
  });
});

describe('more paths in English', () => {
  it('a civil servant of the corps, a closed offer, and "my information"', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await bot.say('am I eligible for 0975?');
    expect(suggestionTitles(await bot.say('Civil servant'))).toEqual(['Ingénieur', 'Another corps']);
    expect(verdictOf(await bot.say('Ingénieur'))).toMatch(/^You can apply, by another route[\s\S]*by transfer/);
    expect(verdictOf(await bot.say('can I apply for 0903?'))).toMatch(/^You do not meet the conditions[\s\S]*Applications closed on Friday 3 July 2026/);
    const card = cardsOf(await bot.say('my information'))[0];
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Situation\ncivil servant[\s\S]*Corps\nIngénieur/);
  });
});

describe('the Teams command list', () => {
  it('"éligibilité" and "privacy", as Teams proposes them, start the check and show the notice', async () => {
    expect(textsOf(await testConversation(JULY_5).say('éligibilité'))).toMatch(/De quelle offre/);
    expect(textsOf(await testConversation(JULY_5).say({ text: 'privacy', locale: 'en-US' }))).toMatch(/^\*\*Your data\*\*/);
  });
});

describe('a residence stated for another route than "sur titre"', () => {
  // A real posting of the shipped catalogue: "pour le recrutement direct d'un adjoint administratif :
  // au moins 10 ans de résidence"; open until 10 January 2025.
  const JANUARY_2025 = noumeaNoon('2025-01-03');

  it('names the route the years are for, in French', async () => {
    const bot = testConversation(JANUARY_2025, { offers: shippedOffers() });
    const verdict = verdictOf(await dialog(bot, 'suis-je éligible à la 24-55366 ?', 'ni l’un ni l’autre', 'non', 'oui', 'depuis 2010'));
    expect(verdict).toContain("l'offre demande au moins 10 ans (pour le recrutement direct d'un adjoint administratif) : vous êtes prioritaire");
  });

  it('names the route the years are for, in English, short of them', async () => {
    const bot = testConversation(JANUARY_2025, { offers: shippedOffers(), locale: 'en-US' });
    const verdict = verdictOf(await dialog(bot, 'am I eligible for 24-55366?', 'Neither', 'no', 'yes', 'two years'));
    expect(verdict).toMatch(/^You can apply, without priority/);
    expect(verdict).toContain("the offer asks for at least 10 years (for the route “recrutement direct d'un adjoint administratif”)");
  });
});

describe('what to send', () => {
  it('the documents the posting lists, as it words them; an incomplete file; the two months to refer to the CPELFP', async () => {
    const posting = offerFromPostingText(readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'postings', 'documents-listed.txt'), 'utf8'));
    const bot = testConversation(noumeaNoon('2026-08-05'), { offers: [posting] });
    const verdict = verdictOf(await dialog(bot, 'suis-je éligible à la 1200 ?', 'non', 'non', 'oui', 'depuis 2010'));
    expect(verdict).toMatch(/^Vous pouvez postuler/);
    expect(verdict).toMatch(/Pièces que l'avis demande\n- une fiche de renseignements dûment remplie[\s\S]*- l'attestation de non-bénéfice de la rupture conventionnelle/);
    expect(verdict).not.toContain('une copie du diplôme exigé');
    expect(verdict).toContain('un dossier incomplet peut ne pas être examiné');
    expect(verdict).toMatch(/saisir la commission paritaire de l'emploi local \(CPELFP\) dans un délai de deux mois\.\nSource : \[DRHFPNC — La commission paritaire/);
  });

  it('a posting whose list the record lacks: the usual documents, and the posting may ask for others; no CPELFP for a civil servant’s transfer', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    const verdict = verdictOf(await dialog(bot, 'am I eligible for 1010?', 'None of these', 'yes', 'Bac+5'));
    expect(verdict).toMatch(/Documents to send\n- a CV[\s\S]*The published posting may ask for others: check it\./);
    expect(verdict).toContain('an incomplete file may not be considered');
    expect(verdict).toContain('within two months');
    const servant = testConversation(JULY_5);
    expect(verdictOf(await dialog(servant, 'suis-je éligible à la 0975', 'Fonctionnaire', 'Ingénieur'))).not.toContain('deux mois');
  });
});

describe('years stated for one corps of an offer of two', () => {
  // 25-57263/MPRH, "rédacteur ou adjoint administratif", states 10 years "pour le recrutement direct
  // d'un adjoint administratif" only; open until 23 May 2025.
  const MAY_2025 = noumeaNoon('2025-05-10');

  it('asks the corps, and for the rédacteur says the posting states nothing, never "no condition"', async () => {
    const bot = testConversation(MAY_2025, { offers: shippedOffers() });
    const asked = await dialog(bot, 'suis-je éligible à la 25-57263 ?', 'aucun des trois', 'non', 'oui');
    expect(textsOf(asked)).toMatch(/\(Rédacteur : non indiquée ; Adjoint administratif : 10\)/);
    expect(suggestionTitles(asked)).toEqual(['Rédacteur', 'Adjoint administratif']);
    // Nothing to weigh the residence against: not asked.
    const redacteur = verdictOf(await bot.say('Rédacteur'));
    expect(redacteur).toMatch(/^Je ne peux pas conclure/);
    expect(redacteur).toContain("n'indique de durée de résidence que pour un autre corps ou grade que « Rédacteur »");
    expect(textsOf(await bot.say('et pour adjoint administratif ?'))).toMatch(/Depuis quand résidez-vous/);
    const adjoint = verdictOf(await bot.say('depuis 2010'));
    expect(adjoint).toMatch(/^Vous pouvez postuler/);
    expect(adjoint).toContain("(pour le recrutement direct d'un adjoint administratif) : vous êtes prioritaire");
  });

  it('in English', async () => {
    const bot = testConversation(MAY_2025, { offers: shippedOffers(), locale: 'en-US' });
    const verdict = verdictOf(await dialog(bot, 'am I eligible for 25-57263?', 'None of these', 'no', 'yes', 'Rédacteur'));
    expect(verdict).toMatch(/^I cannot tell[\s\S]*states a residence length only for another corps or grade than “Rédacteur”/);
  });
});

describe('follow-ups after a verdict', () => {
  it('"et pour le 1er grade ?" and "et la 1010 ?" check again on the profile, asking nothing known', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975 ?', 'non', 'non', 'oui', 'Ingénieur 2ème grade', 'depuis 2019', 'Bac+3');
    const firstGrade = verdictOf(await bot.say('et pour le 1er grade ?'));
    expect(firstGrade).toMatch(/^Vous pouvez postuler, sans priorité[\s\S]*au moins 10 ans pour le grade « Ingénieur 1er grade »/);
    expect(firstGrade).toContain('3134-26-0975/SR');
    // Another offer: only what belongs to that application (its grade) is asked.
    expect(textsOf(await bot.say('et la 1010 ?'))).toMatch(/Pour quel grade postulez-vous/);
    expect(verdictOf(await bot.say('2ème grade'))).toContain('3134-26-1010/SR');
  });

  it('in English: "what about the first grade?"', async () => {
    const bot = testConversation(JULY_5, { locale: 'en-US' });
    await dialog(bot, 'am I eligible for 0975?', 'Neither', 'no', 'yes', 'second grade', 'since 2019', "a master's degree");
    expect(verdictOf(await bot.say('what about the first grade?'))).toMatch(/^You can apply, without priority[\s\S]*at least 10 years for the grade “Ingénieur 1er grade”/);
  });

  it('only right after a verdict: once the user has moved on, "et pour le 1er grade ?" is no longer an eligibility question', async () => {
    const bot = testConversation(JULY_5);
    await dialog(bot, 'suis-je éligible à la 0975 ?', 'non', 'non', 'oui', 'Ingénieur 2ème grade', 'depuis 2019', 'Bac+3');
    await bot.say('offres à Nouméa');
    const replies = await bot.say('et pour le 1er grade ?');
    expect(replies.length).toBeGreaterThan(0);
    expect(cardsOf(replies).map(cardText).join('\n')).not.toMatch(/^Vous pouvez postuler/m);
  });
});
