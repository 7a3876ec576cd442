import { fill } from '../data/text/fill.js';

/** What the HR command line says, in French first and in English. Placeholders are {named}. */
const fr = {
  help: `Gestion des offres (avis de vacance de poste) du bot.

Usage : npm run offers -- <commande> [options]

Commandes :
  validate [FICHIER]            vérifie le fichier des offres ; code de sortie 1 s'il y a un problème
  list [--open|--closed] [--closing-within JOURS]
                                liste les offres (ouvertes, clôturées, qui ferment dans N jours)
  import CHEMIN… [--write] [--atomic]
                                lit des offres (texte d'avis, PDF, JobPosting JSON ou JSON-LD, CSV ou JSON
                                open data) d'un ou plusieurs fichiers ou dossiers ; montre ce qui change,
                                n'écrit qu'avec --write (avec --atomic : rien si un fichier est illisible) ;
                                une référence déjà présente est mise à jour ; code 1 si un fichier est illisible
  sync [URL|FICHIER] [--dry-run]
                                intègre le flux open data (export CSV ou JSON ; défaut : $OFFERS_SYNC_URL) ;
                                les champs modifiés par les RH ne sont pas écrasés
  close REFERENCE               clôture une offre aujourd'hui (elle reste dans le fichier)
  remove REFERENCE              retire une offre du fichier
  history                       journal des changements publiés
  export --jsonld               les offres ouvertes en JSON-LD schema.org JobPosting (pour les sites)

Options : --file FICHIER (défaut : $OFFERS_FILE ou data/offers.json ; avec $AZURE_STORAGE_CONNECTION_STRING,
          les offres partagées du stockage Azure, celles que lit le bot), --lang fr|en`,
  valid: '{file} : {count, plural, one {# offre} other {# offres}}, aucun problème.',
  problems: '{file} : {count, plural, one {# problème} other {# problèmes}} :',
  problem: '  offre {offer}, champ {field}{line} : {message}',
  line: ', ligne {line}',
  notJson: "{file} n'est pas du JSON valide : {detail}",
  missing: '{file} est introuvable.',
  fileProblem: '{file} : {message}',
  changedMeanwhile: "{file} : les offres ont changé pendant la commande (une autre personne ou le flux open data) ; rien n'a été écrit. Relancez la commande.",
  storageUnreachable: "{file} : le stockage Azure ne répond pas ({detail}) ; rien n'a été lu ni écrit.",
  listLine: '{reference}  {status}  {deadline}  {title}',
  statusOpen: 'ouverte',
  statusClosed: 'clôturée',
  statusSoon: 'pas encore',
  none: 'Aucune offre.',
  unknownReference: "Aucune offre n'a la référence « {reference} ».",
  closed: 'Offre {reference} clôturée le {date}.',
  alreadyClosed: "L'offre {reference} est déjà clôturée.",
  removed: 'Offre {reference} retirée.',
  added: '  + {reference}  {title}',
  changed: '  ~ {reference}  champs : {fields}',
  nothingChanges: 'Rien ne change.',
  preview: 'Changements (rien n’est écrit ; ajoutez --write pour publier) :',
  written: 'Publié : {added, plural, one {# ajoutée} other {# ajoutées}}, {changed, plural, one {# modifiée} other {# modifiées}}.',
  refusedWrite: 'Rien n’est écrit : le fichier obtenu aurait des problèmes.',
  'reason.notFound': 'fichier introuvable',
  syncNoSource: 'Quel flux ? Donnez une adresse ou un fichier, ou définissez OFFERS_SYNC_URL.',
  syncFailed: 'Flux {source} : {reason}. Rien ne change : les offres en ligne restent.',
  'feed.unreachable': 'injoignable ({detail})',
  'feed.status': 'réponse {detail}',
  'feed.unreadable': 'illisible ({detail})',
  'feed.empty': 'aucune offre dans le flux',
  syncKept: '  = {reference} : gardé tel que modifié par les RH ou lu dans l’avis : {fields}',
  syncRefused: '  ! {reference} : la version du flux aurait des problèmes ; l’offre reste telle quelle',
  syncDone: 'Flux intégré : {read, plural, one {# offre lue} other {# offres lues}}, {added, plural, one {# ajoutée} other {# ajoutées}}, {changed, plural, one {# modifiée} other {# modifiées}}, {skipped, plural, one {# ligne illisible} other {# lignes illisibles}}.',
  syncPreview: 'Aperçu (rien n’est écrit) : {read, plural, one {# offre lue} other {# offres lues}}, {added, plural, one {# à ajouter} other {# à ajouter}}, {changed, plural, one {# à modifier} other {# à modifier}}, {skipped, plural, one {# ligne illisible} other {# lignes illisibles}}.',
  'reason.pdf': 'PDF illisible ({detail})',
  importError: '{file}{line} : {reason}',
  importWarning: '  ! {reference} ({file}{line}), champ {field} : {message} — importée, pas publiée tant qu’elle n’est pas corrigée',
  importWarningKept: '  ! {reference} ({file}{line}), champ {field} : {message} — non importée : la version publiée reste en ligne',
  importSummary: '{files, plural, one {# fichier lu} other {# fichiers lus}} : {offers, plural, one {# offre} other {# offres}}, {failed, plural, one {# illisible} other {# illisibles}}, {warned, plural, one {# à corriger} other {# à corriger}}.',
  atomicRefused: 'Rien n’est écrit (--atomic) : {failed, plural, one {# fichier est illisible} other {# fichiers sont illisibles}}.',
  setAsideTitle: 'Offres mises de côté (pas publiées tant qu’elles ne sont pas corrigées) :',
  'reason.empty': 'le fichier est vide',
  'reason.invalidJson': "ce n'est pas du JSON valide ({detail})",
  'reason.unknownFormat': "format inconnu : ni texte d'avis, ni JobPosting JSON ou JSON-LD, ni CSV open data",
  'reason.tooLarge': 'le fichier est trop gros (plus de 20 Mo)',
  'reason.invalidPosting': 'offre illisible {detail}',
  'reason.incompleteText': "texte d'avis incomplet : introuvable(s) : {detail}",
  'reason.invalidCsv': 'CSV illisible ({detail})',
  'reason.noRows': 'le flux ne contient aucune offre',
  'reason.missingColumns': 'colonnes indispensables absentes : {detail}',
  'reason.invalidRow': 'ligne incomplète ({detail})',
  historyLine: '{at}  {command}  ajoutées : {added} ; modifiées : {changed} ; retirées : {removed} ; clôturées : {closed}',
  noHistory: 'Aucun changement publié.',
  usage: 'Commande inconnue ou incomplète. Tapez : npm run offers -- --help',
  'problem.missing': 'champ obligatoire absent',
  'problem.empty': 'champ vide',
  'problem.invalidDate': "date invalide ou inexistante (format AAAA-MM-JJ, par exemple 2026-07-31)",
  'problem.invalidEmail': 'adresse électronique invalide',
  'problem.invalidUrl': 'adresse web invalide',
  'problem.badReference': 'la référence doit ressembler à 3134-25-0966/SR ou 24-54956/MPRH',
  'problem.outOfRange': 'valeur hors des limites (une durée de résidence va de 0 à 100 ans)',
  'problem.unknownField': 'champ inconnu',
  'problem.deadlineBeforePosting': 'la date limite précède la date de publication (dates inversées ?)',
  'problem.duplicateReference': 'cette référence est déjà utilisée par une autre offre',
  'problem.notOffersFile': 'le fichier doit contenir {"offers": [...]}',
  'problem.emptied': 'plus aucune offre valide : le fichier est refusé, les offres en ligne restent',
  'problem.invalid': 'valeur invalide',
};

type CliMessages = typeof fr;

const en: CliMessages = {
  help: `Manages the bot's job offers (avis de vacance de poste).

Usage: npm run offers -- <command> [options]

Commands:
  validate [FILE]               checks the offers file; exit code 1 when there is a problem
  list [--open|--closed] [--closing-within DAYS]
                                lists offers (open, closed, closing within N days)
  import PATH… [--write] [--atomic]
                                reads offers (posting text, PDF, JobPosting JSON or JSON-LD, open-data CSV
                                or JSON) from files or folders; shows what changes, writes only with
                                --write (with --atomic: nothing if any file is unreadable); an existing
                                reference is updated; exit code 1 when a file is unreadable
  sync [URL|FILE] [--dry-run]   brings in the open-data feed (CSV or JSON export; default: $OFFERS_SYNC_URL);
                                fields HR changed are not overwritten
  close REFERENCE               closes an offer today (it stays in the file)
  remove REFERENCE              removes an offer from the file
  history                       log of the published changes
  export --jsonld               open offers as schema.org JobPosting JSON-LD (for web pages)

Options: --file FILE (default: $OFFERS_FILE or data/offers.json; with $AZURE_STORAGE_CONNECTION_STRING,
         the shared offers in Azure Storage, those the bot reads), --lang fr|en`,
  valid: '{file}: {count, plural, one {# offer} other {# offers}}, no problem.',
  problems: '{file}: {count, plural, one {# problem} other {# problems}}:',
  problem: '  offer {offer}, field {field}{line}: {message}',
  line: ', line {line}',
  notJson: '{file} is not valid JSON: {detail}',
  missing: '{file} cannot be found.',
  fileProblem: '{file}: {message}',
  changedMeanwhile: '{file}: the offers changed while the command ran (someone else, or the open-data feed); nothing was written. Run the command again.',
  storageUnreachable: '{file}: Azure Storage does not answer ({detail}); nothing was read or written.',
  listLine: '{reference}  {status}  {deadline}  {title}',
  statusOpen: 'open',
  statusClosed: 'closed',
  statusSoon: 'not yet',
  none: 'No offer.',
  unknownReference: 'No offer has reference “{reference}”.',
  closed: 'Offer {reference} closed on {date}.',
  alreadyClosed: 'Offer {reference} is already closed.',
  removed: 'Offer {reference} removed.',
  added: '  + {reference}  {title}',
  changed: '  ~ {reference}  fields: {fields}',
  nothingChanges: 'Nothing changes.',
  preview: 'Changes (nothing written; add --write to publish):',
  written: 'Published: {added} added, {changed} changed.',
  'reason.notFound': 'file not found',
  syncNoSource: 'Which feed? Give an address or a file, or set OFFERS_SYNC_URL.',
  syncFailed: 'Feed {source}: {reason}. Nothing changes: the offers online stay.',
  'feed.unreachable': 'unreachable ({detail})',
  'feed.status': 'answered {detail}',
  'feed.unreadable': 'unreadable ({detail})',
  'feed.empty': 'no offer in the feed',
  syncKept: '  = {reference}: kept as HR changed it or as the posting says: {fields}',
  syncRefused: '  ! {reference}: the feed’s version would have problems; the offer stays as it is',
  syncDone: 'Feed brought in: {read} read, {added} added, {changed} changed, {skipped} unreadable rows.',
  syncPreview: 'Preview (nothing written): {read} read, {added} to add, {changed} to change, {skipped} unreadable rows.',
  'reason.pdf': 'unreadable PDF ({detail})',
  refusedWrite: 'Nothing written: the resulting file would have problems.',
  importError: '{file}{line}: {reason}',
  importWarning: '  ! {reference} ({file}{line}), field {field}: {message} — imported, not published until corrected',
  importWarningKept: '  ! {reference} ({file}{line}), field {field}: {message} — not imported: the published version stays online',
  importSummary: '{files, plural, one {# file read} other {# files read}}: {offers, plural, one {# offer} other {# offers}}, {failed} unreadable, {warned} to correct.',
  atomicRefused: 'Nothing written (--atomic): {failed, plural, one {# file is unreadable} other {# files are unreadable}}.',
  setAsideTitle: 'Offers set aside (not published until corrected):',
  'reason.empty': 'the file is empty',
  'reason.invalidJson': 'it is not valid JSON ({detail})',
  'reason.unknownFormat': 'unknown format: neither posting text, JobPosting JSON or JSON-LD, nor the open-data CSV',
  'reason.tooLarge': 'the file is too large (over 20 MB)',
  'reason.invalidPosting': 'unreadable offer {detail}',
  'reason.incompleteText': 'incomplete posting text: not found: {detail}',
  'reason.invalidCsv': 'unreadable CSV ({detail})',
  'reason.noRows': 'the feed holds no offer',
  'reason.missingColumns': 'required columns missing: {detail}',
  'reason.invalidRow': 'incomplete row ({detail})',
  historyLine: '{at}  {command}  added: {added}; changed: {changed}; removed: {removed}; closed: {closed}',
  noHistory: 'No published change.',
  usage: 'Unknown or incomplete command. Type: npm run offers -- --help',
  'problem.missing': 'required field missing',
  'problem.empty': 'empty field',
  'problem.invalidDate': 'invalid or non-existent date (format YYYY-MM-DD, e.g. 2026-07-31)',
  'problem.invalidEmail': 'invalid e-mail address',
  'problem.invalidUrl': 'invalid web address',
  'problem.badReference': 'the reference must look like 3134-25-0966/SR or 24-54956/MPRH',
  'problem.outOfRange': 'value out of bounds (a residence duration goes from 0 to 100 years)',
  'problem.unknownField': 'unknown field',
  'problem.deadlineBeforePosting': 'the deadline is before the posting date (dates swapped?)',
  'problem.duplicateReference': 'this reference is already used by another offer',
  'problem.notOffersFile': 'the file must hold {"offers": [...]}',
  'problem.emptied': 'no valid offer left: the file is refused, the offers online stay',
  'problem.invalid': 'invalid value',
};

export type CliLanguage = 'fr' | 'en';
export type CliMessageKey = keyof CliMessages;

export function say(language: CliLanguage, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  return fill((language === 'en' ? en : fr)[key], params, language);
}
