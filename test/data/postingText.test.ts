import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrenchDate } from '../../data/offers/frenchDates.js';
import { offerFromPostingText, PostingTextError } from '../../data/offers/postingText.js';
import { offerByReference, PROJECT_ROOT, REAL_OFFERS_DIR } from '../helpers/offers.js';

const posting = (name: string) => readFileSync(path.join(REAL_OFFERS_DIR, 'postings', name), 'utf8');

describe('reading a posting as published in text', () => {
  it.each([
    ['3134-25-0966-SR.txt', '3134-25-0966/SR'],
    ['3134-25-0159-SR.txt', '3134-25-0159/SR'],
  ])('%s is read as the shipped offer', (file, reference) => {
    expect(offerFromPostingText(posting(file), `postings/${file}`)).toEqual(offerByReference(reference));
  });

  it('reads every field of 3134-25-0966/SR', () => {
    const offer = offerFromPostingText(posting('3134-25-0966-SR.txt'));
    expect(offer).toMatchObject({
      reference: '3134-25-0966/SR',
      title: 'DSI – Référent Projet SI – Service des Moyens',
      employer: 'Office des postes et télécommunications',
      corpsGrades: ['Ingénieur 2ème grade'],
      domains: ['Informatique'],
      direction: 'Direction des systèmes d’information',
      location: { address: 'Immeuble COPERNIC - 59 Rue Georges Clémenceau' },
      residence: { text: 'au moins égale à 5 ans', requirements: [{ years: 5 }] },
      postedOn: '2025-06-27',
      deadline: '2025-07-18',
      start: 'dès que possible',
      respncJob: 'RESPONSABLE DE PROJET',
      service: 'Service des moyens (Section Planification et Coordination)',
      organisation: { reportsTo: 'Directeur Adjoint SI – Chef de Service des moyens', level: 'N - 2 (par rapport au directeur opérationnel)', staffManaged: 0 },
    });
    expect(offer.activities).toHaveLength(12);
    expect(offer.activities[0]).toBe('Définit la conception technique et rédige/valide les spécifications techniques détaillées.');
    expect(offer.missions).toHaveLength(1);
  });

  it.each([
    ['56899.md', ['Attaché'], 'Direction du Développement Économique et du Tourisme'],
    ['59356.md', ['Emploi fonctionnel'], 'Direction des Finances'],
    ['55529.md', ['Sage-femme'], 'Direction des affaires médicales'],
    ['57882.md', ['Assistant socio-éducatif – spécialité assistant de service social'], "Direction Provinciale de l'Action Sanitaire et Sociale"],
    ['56408.md', ['Rédacteur'], 'Direction administrative et financière'],
    ['56776.md', ['Agent d’exploitation'], 'Direction de la distribution'],
    ['59347.md', ['Adjoint administratif'], 'Direction de la Vie Citoyenne, Éducative et Sportive'],
    ['55892.md', ['Assistant spécialisé d’enseignement musical'], undefined],
    ['55786.md', [], undefined],
  ])('%s: the direction run into the grade by the PDF\'s columns is the direction, "Catégorie B+", "Cf tableau" no grade', (file, grades, direction) => {
    const offer = offerFromPostingText(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', file), 'utf8'));
    expect(offer.corpsGrades).toEqual(grades);
    if (direction) expect(offer.direction).toBe(direction);
  });

  it.each([
    ['58761.md', ['Attaché d\'administration', 'Ingénieur 1er grade', 'Ingénieur 2ème grade'], ['Equipement']],
    ['55652.md', ['Ingénieur 1er grade', 'Ingénieur 2ème grade', 'Ingénieur 3ème grade'], ['Informatique']],
    ['59341.md', ['Ingénieur 1ᵉʳ grade', 'Ingénieur 2ème grade'], []],
    ['55359.md', ['Ingénieur 1er grade', 'Ingénieur 2ème grade'], ['Informatique']],
    ['55834.md', ['TSEEAC', 'Rédacteur'], []],
    ['58591.md', ['Assistant socio-éducatif - spécialité conseiller en économie sociale et familiale', 'Assistant de service social'], []],
  ])('%s: ranks of one corps said once ("1er ou 2ème grade"), "et" before a rank, an "ou" run into the next grade', (file, grades, domains) => {
    const offer = offerFromPostingText(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', file), 'utf8'));
    expect(offer.corpsGrades).toEqual(grades);
    expect(offer.domains).toEqual(domains);
  });

  it('59341.md: a direction after the slash is the direction, not a domain', () => {
    const offer = offerFromPostingText(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', '59341.md'), 'utf8'));
    expect(offer.direction).toBe('Direction des Systèmes d’Informations (DSI)');
    expect(offer.domains).toEqual([]);
  });

  it.each([
    ['55672.md', ['Ingénieur 2ème grade'], ['Économie rurale', 'Équipement', 'Informatique'], undefined],
    ['57073.md', ['Ingénieur 2ème grade', 'Attaché'], ['Économie rurale', 'Équipement'], undefined],
    ['56265.md', ['Technicien 1er grade', 'Technicien 2ème grade'], ['Informatique'], undefined],
    ['56077.md', ['Ingénieur'], ['Statistiques'], undefined],
    ['56560.md', ['Ingénieur'], ['Statistiques'], 'Direction du budget et des affaires financières (DBAF)'],
    ['58653.md', ['Technicien 2ème grade'], ['Équipement'], 'Direction technique et du biomédical'],
  ])('%s: the domain column as written (alternatives, a direction or a unit run in, a grade among them)', (file, grades, domains, direction) => {
    const offer = offerFromPostingText(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', file), 'utf8'));
    expect(offer.corpsGrades).toEqual(grades);
    expect(offer.domains).toEqual(domains);
    if (direction) expect(offer.direction).toBe(direction);
  });

  it('56002.md: a unit of the direction where the domain would be ("…/Service des Métiers de Soins/Bureau dentaire") is no domain', () => {
    const offer = offerFromPostingText(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', '56002.md'), 'utf8'));
    expect(offer.direction).toBe('Direction des affaires sanitaires et sociales, de la prévention et de la solidarité (DASSPS)/Service des Métiers de Soins');
    expect(offer.domains).toEqual([]);
    expect(offer.corpsGrades).toEqual([]);
  });

  it.each([
    ['57490.md', 'Corps ou grade d’emploi /Domaine', ['Rédacteur'], []],
    ['59372.md', 'Cadre/Domaine', ['Technicien 2ème grade'], ['Équipement']],
    ['56773.md', 'Corps/Catégorie', ['Agent contractuel de droit public'], []],
  ])('%s: the grade under the label "%s"', (file, _label, grades, domains) => {
    const offer = offerFromPostingText(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text', file), 'utf8'));
    expect(offer.corpsGrades).toEqual(grades);
    expect(offer.domains).toEqual(domains);
  });

  it('reads 3134-25-0159/SR, whose direction lost its label and whose grades are two', () => {
    const offer = offerFromPostingText(posting('3134-25-0159-SR.txt'));
    expect(offer).toMatchObject({
      employer: 'Province Sud',
      corpsGrades: ['Ingénieur 2ème grade', 'Ingénieur 3ème grade'],
      direction: "Direction du Système d'Information et du Numérique",
      location: { commune: 'Nouméa' },
      postedOn: '2025-01-24',
      deadline: '2025-02-14',
      start: 'Immédiatement',
      respncJob: "Chef de projet maîtrise d'oeuvre système d'information",
    });
    expect(offer.presentation).toMatch(/^La province Sud place l'usager/);
    expect(offer.activities).toHaveLength(8);
  });

  it('copes with two PDF columns read as one line: a label next to another label and its value', () => {
    const interleaved = [
      'Agent comptable',
      'Référence : 3134-26-0768/SR du 22/05/2026',
      'Employeur : Date limite de candidature : Vendredi 12 juin 2026',
      'Office des postes et télécommunications',
      'Date de dépôt de l’offre : Vendredi 22 mai 2026',
    ].join('\n');
    expect(offerFromPostingText(interleaved)).toMatchObject({
      title: 'Agent comptable',
      employer: 'Office des postes et télécommunications',
      deadline: '2026-06-12',
      postedOn: '2026-05-22',
    });
  });

  it('reads who to ask and where to apply when the posting says', () => {
    const text = [
      posting('3134-25-0966-SR.txt'),
      'Contact : Mme Wamytan – 26.79.28 – drh@opt.nc',
      'Dépôt des candidatures : drh-candidature@opt.nc',
    ].join('\n');
    expect(offerFromPostingText(text)).toMatchObject({
      contact: { name: 'Mme Wamytan', phone: '26.79.28', email: 'drh@opt.nc' },
      applyTo: { email: 'drh-candidature@opt.nc' },
    });
  });

  it('names what a truncated posting lacks instead of guessing', () => {
    const truncated = posting('3134-25-0966-SR.txt').split('Date de dépôt')[0] as string;
    expect(() => offerFromPostingText(truncated)).toThrow(PostingTextError);
    try {
      offerFromPostingText(truncated);
    } catch (error) {
      expect((error as PostingTextError).missing).toEqual(['deadline']);
    }
  });
});

describe('the documents a posting lists', () => {
  // Laid out as the real postings, with the list some employers add under "Pièces à fournir" (in OPT's words).
  const posting = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'postings', 'documents-listed.txt'), 'utf8');

  it('keeps each as worded, and not the sentence that says where to send them', () => {
    const offer = offerFromPostingText(posting);
    expect(offer.documents).toEqual([
      'une fiche de renseignements dûment remplie',
      'une lettre de motivation et un CV',
      "l'attestation de non-bénéfice de la rupture conventionnelle",
      'une demande de changement de corps (fonctionnaires)',
      'les justificatifs de la durée de résidence',
    ]);
    // "Les dossiers sont à adresser à …" gives the e-mail, and is no postal address.
    expect(offer.applyTo).toEqual({ email: 'DRH-candidature@opt.nc' });
  });

  it('finds none in a posting that lists none (the 385 real ones list none in their text)', () => {
    const dir = path.join(REAL_OFFERS_DIR, 'postings');
    expect(offerFromPostingText(readFileSync(path.join(dir, '3134-25-0966-SR.txt'), 'utf8')).documents).toBeUndefined();
  });
});

describe('French dates', () => {
  it.each([
    ['Vendredi 18 juillet 2025', '2025-07-18'],
    ['27/06/2025', '2025-06-27'],
    ['1er août 2026', '2026-08-01'],
    ['vendredi 24 janvier 2025', '2025-01-24'],
    ['30/02/2025', undefined],
    ['31 juin 2025', undefined],
    ['bientôt', undefined],
  ])('%s → %s', (text, iso) => {
    expect(parseFrenchDate(text)).toBe(iso);
  });
});
