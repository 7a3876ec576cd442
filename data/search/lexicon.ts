/**
 * The words search ignores and the English phrases it reads as the French the offers use.
 * Written in normal form (see normalize.ts): lower case, no accents, singular.
 * Add to these when the unanswered-questions page shows a word people use that offers do not.
 */

/** Grammatical words: they name nothing ("de", "la", "the"). */
export const FUNCTION_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette d de des du en et est il la le les l leur ma mes mon ne ni ' +
    'nos notre ou par pas pour qu que quel quelle quelles quels qui sa se ses son sur ta te tes ton ' +
    'tu un une vo vos votre je j me m moi y c ca cela ici sont suis avez ai ont elle on nous ' +
    // "dans" ("travailler dans une mairie"), and the "t" of "y a-t-il", "existe-t-il".
    'dans t ' +
    'the an of in on at for to and or is are am there any some my i im you your with'
  ).split(/\s+/),
);

/** Words of asking ("je cherche des offres", "show me jobs"): they say what to do, not what to find. */
const ASKING_WORDS =
  'offre poste emploi avis vacance recrutement cherche recherche trouve trouver voir montre montrer ' +
  'affiche afficher liste lister donne donner propose proposer veux voudrais aimerai aimerais souhaite ' +
  'dispo disponible ouvert ouverte actuel actuelle actuellement quoi ya existe exist bonjour salut ' +
  // "Je voudrais travailler à l'hôpital": where or as what is the search, not the verb.
  'travailler bosser ' +
  'me want would like show find search look looking list give job vacancy opening position role ' +
  'open available current currently what which please hi hello do doe can could tout toute all every ' +
  // "Combien de postes sont ouverts ?", "how many jobs are open?": the count is the answer to every offer listed.
  'combien how many';

/** What search ignores in a query. */
export const STOP_WORDS = new Set([...FUNCTION_WORDS, ...ASKING_WORDS.split(/\s+/)]);

/**
 * English phrases and the French words that mean them in these offers. Longer phrases first:
 * "project manager" must win over "manager".
 */
export const ENGLISH_TO_FRENCH: ReadonlyArray<readonly [string, string]> = [
  // The trades of the public service, as the catalogue names them (two words first).
  ['social worker', 'travailleur social'],
  ['nursing assistant', 'aide soignant'],
  ['nurse aide', 'aide soignant'],
  ['care assistant', 'aide soignant'],
  ['lab technician', 'technicien laboratoire'],
  ['laboratory technician', 'technicien laboratoire'],
  ['security guard', 'gardien'],
  ['school teacher', 'enseignant'],
  ['youth worker', 'animateur'],
  ['health care', 'sante'],
  ['public health', 'sante publique'],
  ['civil engineer', 'ingenieur'],
  ['bus driver', 'chauffeur'],
  ['nurse', 'infirmier'],
  ['nursing', 'infirmier'],
  ['midwife', 'sage femme'],
  ['doctor', 'medecin'],
  ['physician', 'medecin'],
  ['gp', 'medecin'],
  ['pharmacist', 'pharmacien'],
  ['dentist', 'dentiste'],
  ['psychologist', 'psychologue'],
  ['physiotherapist', 'kinesitherapeute'],
  ['radiographer', 'manipulateur radiologie'],
  ['caregiver', 'aide soignant'],
  ['teacher', 'enseignant'],
  ['professor', 'professeur'],
  ['lecturer', 'enseignant'],
  ['educator', 'educateur'],
  ['instructor', 'educateur'],
  ['coach', 'educateur sportif'],
  ['driver', 'chauffeur'],
  ['firefighter', 'sapeur pompier'],
  ['fireman', 'sapeur pompier'],
  ['cook', 'cuisinier'],
  ['chef', 'cuisinier'],
  ['lawyer', 'juriste'],
  ['legal', 'juridique'],
  ['jurist', 'juriste'],
  ['secretary', 'secretaire'],
  ['librarian', 'bibliothecaire'],
  ['electrician', 'electricien'],
  ['mechanic', 'mecanicien'],
  ['plumber', 'plombier'],
  ['gardener', 'jardinier'],
  ['cleaner', 'entretien'],
  ['janitor', 'entretien'],
  ['caretaker', 'gardien'],
  ['guard', 'gardien'],
  ['receptionist', 'accueil'],
  ['reception', 'accueil'],
  ['cashier', 'caissier'],
  ['storekeeper', 'magasinier'],
  ['warehouse', 'magasinier'],
  ['buyer', 'acheteur'],
  ['purchasing', 'achat'],
  ['architect', 'architecte'],
  ['surveyor', 'geometre'],
  ['geologist', 'geologue'],
  ['hydrogeologist', 'hydrogeologue'],
  ['inspector', 'inspecteur'],
  ['veterinarian', 'veterinaire'],
  ['vet', 'veterinaire'],
  ['environment', 'environnement'],
  ['environmental', 'environnement'],
  ['agriculture', 'agricole'],
  ['farming', 'agricole'],
  ['translator', 'traducteur'],
  ['interpreter', 'interprete'],
  ['communication', 'communication'],
  ['music', 'musique'],
  ['piano', 'piano'],
  ['sport', 'sportif'],
  ['lifeguard', 'maitre nageur'],
  ['childcare', 'petite enfance'],
  ['nursery', 'petite enfance'],
  ['health', 'sante'],
  ['hospital', 'centre hospitalier'],
  ['project manager', 'chef projet'],
  ['project lead', 'chef projet'],
  ['human resource', 'ressource humaine'],
  ['hr', 'ressource humaine'],
  ['customer service', 'contact clientele'],
  ['customer advisor', 'conseiller clientele'],
  ['financial advisor', 'conseiller financier'],
  ['mail carrier', 'prepose distribution'],
  ['postman', 'prepose distribution'],
  ['head of', 'chef'],
  ['rh', 'ressource humaine'],
  ['it', 'informatique'],
  ['ict', 'informatique'],
  ['computing', 'informatique'],
  ['computer', 'informatique'],
  ['software', 'logiciel'],
  ['developer', 'developpeur'],
  ['engineer', 'ingenieur'],
  ['technician', 'technicien'],
  ['accountant', 'comptable'],
  ['accounting', 'comptable'],
  ['finance', 'finance'],
  ['director', 'directeur'],
  ['manager', 'chef'],
  ['auditor', 'auditeur'],
  ['customer', 'clientele'],
  ['client', 'clientele'],
  ['sales', 'commercial'],
  ['network', 'reseau'],
  ['telecom', 'telecom'],
  ['postal', 'postal'],
  ['partnership', 'partenariat'],
  ['maintenance', 'maintenance'],
  ['study', 'etude'],
  ['studie', 'etude'],
  ['hotline', 'hotline'],
  ['helpdesk', 'hotline'],
  ['support', 'soutien'],
  ['assistant', 'assistant'],
  ['administrator', 'administrateur'],
  ['application', 'application'],
  ['controller', 'controleur'],
  ['business', 'affaire'],
  ['engineering', 'ingenieur'],
];

/** French words that offers spell in several ways: a word the user types also finds the others. */
export const FRENCH_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  // Trades spelt several ways in the catalogue.
  enseignant: ['professeur', 'enseignement'],
  professeur: ['enseignant'],
  // Not "chauffeur" → "conducteur": the public service's conducteurs are mostly "d'opération" and "de
  // travaux" (who run building works), no drivers; the one word of every real driver's posting is "chauffeur".
  conducteur: ['chauffeur'],
  medecin: ['medical'],
  // "Travailler à l'hôpital": the hospitals' offers say "centre hospitalier", never "hôpital".
  hopital: ['hospitalier'],
  // The communes' offers are the "Ville de …" or "Commune de …"'s; few say "mairie".
  mairie: ['commune', 'ville'],
  juriste: ['juridique'],
  juridique: ['juriste'],
  travailleur: ['assistant', 'educateur'],
  pompier: ['sapeur', 'incendie'],
  cuisinier: ['cuisine', 'restauration'],
  rh: ['ressource', 'humaine'],
  si: ['information', 'informatique'],
  dsi: ['information', 'informatique'],
  // Directions people name by their acronym.
  dittt: ['infrastructure', 'topographie', 'transport'],
  dass: ['sanitaire', 'sociale'],
  dinum: ['numerique', 'modernisation'],
  drhfpnc: ['ressource', 'humaine'],
  informatique: ['information', 'si', 'dsi', 'logiciel', 'developpeur', 'application'],
  developpeur: ['developpement', 'concepteur'],
  chef: ['responsable', 'cheffe'],
  responsable: ['chef'],
  telecom: ['telecommunication'],
  telecommunication: ['telecom'],
  comptable: ['comptabilite', 'finance'],
  finance: ['financier', 'comptable'],
  client: ['clientele'],
  clientele: ['client'],
  facteur: ['prepose', 'distribution'],
  soutien: ['support', 'hotline'],
};
