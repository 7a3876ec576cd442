import type { OfferCatalog } from '../data/offers/offerCatalog.js';
import { CluRecognizer } from '../dialogs/recognition/cluRecognizer.js';
import { loadCluProject } from '../dialogs/recognition/cluProject.js';
import { EmbeddedRecognizer } from '../dialogs/recognition/embeddedRecognizer.js';
import { FallbackRecognizer } from '../dialogs/recognition/fallbackRecognizer.js';
import type { IntentRecognizer } from '../dialogs/recognition/recognizer.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { languageModelFile } from './paths.js';

/**
 * The recogniser the configuration asks for: the embedded one, trained now from the language model;
 * Azure CLU in front of it when CLU_ENDPOINT and CLU_KEY are set. The bot and `npm run nlu:eval`
 * both build theirs here, so the evaluation measures what users get.
 */
export async function createRecognizer(config: Config, catalog: OfferCatalog, logger: Logger): Promise<{ recognizer: IntentRecognizer; name: string }> {
  const started = Date.now();
  const embedded = await EmbeddedRecognizer.train(await loadCluProject(languageModelFile()), () => catalog.current());
  logger.info('language model trained', { ms: Date.now() - started });
  if (!config.clu) return { recognizer: embedded, name: 'embedded (NLP.js)' };
  const clu = new CluRecognizer(config.clu, () => catalog.current(), config.clu.timeoutMs);
  const recognizer = new FallbackRecognizer(clu, embedded, (error) =>
    logger.warn('CLU failed: the embedded recogniser answered', { error: error instanceof Error ? error.message : String(error) }),
  );
  return { recognizer, name: `Azure CLU (${config.clu.project}/${config.clu.deployment}), embedded as fallback` };
}
