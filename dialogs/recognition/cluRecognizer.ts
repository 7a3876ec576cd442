import { AzureKeyCredential } from '@azure/core-auth';
import {
  ConversationAnalysisClient,
  type ConversationEntity,
  type ConversationalTask,
} from '@azure/ai-language-conversations';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import { INTENTS, type EntityCategory, type Intent, type IntentRecognizer, type Recognition, type RecognizedEntity } from './recognizer.js';

/**
 * Azure Conversational Language Understanding, when the operator configures it (CLU_*): the
 * deployed model of deployment/clu/job-assistant.json, its prediction mapped to the same shape as
 * the embedded recogniser's.
 */
export interface CluSettings {
  endpoint: string;
  key: string;
  project: string;
  deployment: string;
}

const CATEGORIES: readonly EntityCategory[] = ['offerReference', 'domain', 'employer', 'commune', 'grade', 'province', 'duration', 'date'];

function isIntent(name: string): name is Intent {
  return (INTENTS as readonly string[]).includes(name);
}

function isCategory(name: string): name is EntityCategory {
  return (CATEGORIES as readonly string[]).includes(name);
}

/** The canonical value CLU resolved: a list key, a duration, a date's timex. */
function resolutionOf(entity: ConversationEntity): string | undefined {
  for (const info of entity.extraInformation ?? []) {
    if (info.extraInformationKind === 'ListKey' && info.key) return info.key;
  }
  for (const resolution of entity.resolutions ?? []) {
    if (resolution.resolutionKind === 'DateTime') return resolution.timex;
    if (resolution.resolutionKind === 'TemporalSpan') return resolution.duration ?? resolution.begin;
  }
  return undefined;
}

export class CluRecognizer implements IntentRecognizer {
  private readonly client: ConversationAnalysisClient;

  constructor(
    private readonly settings: CluSettings,
    private readonly offers: () => OfferSnapshot,
    private readonly timeoutMs: number,
  ) {
    // A local endpoint (tests, a proxy) is plain HTTP; the SDK refuses it unless told.
    this.client = new ConversationAnalysisClient(settings.endpoint, new AzureKeyCredential(settings.key), {
      allowInsecureConnection: settings.endpoint.startsWith('http://'),
      retryOptions: { maxRetries: 0 },
    });
  }

  async recognize(text: string, language: 'fr' | 'en'): Promise<Recognition> {
    const task: ConversationalTask = {
      kind: 'Conversation',
      analysisInput: {
        conversationItem: { id: '1', participantId: 'user', text, language: language === 'en' ? 'en-us' : 'fr' },
      },
      parameters: { projectName: this.settings.project, deploymentName: this.settings.deployment, stringIndexType: 'Utf16CodeUnit' },
    };
    const response = await this.client.analyzeConversation(task, { abortSignal: AbortSignal.timeout(this.timeoutMs) });
    if (response.kind !== 'ConversationResult' || response.result.prediction.projectKind !== 'Conversation') {
      throw new Error(`unexpected CLU response kind ${response.kind}`);
    }
    const prediction = response.result.prediction;
    const intents = prediction.intents
      .filter((i): i is typeof i & { category: Intent } => isIntent(i.category))
      .map((i) => ({ category: i.category, confidenceScore: i.confidence }))
      .sort((a, b) => b.confidenceScore - a.confidenceScore);
    const snapshot = this.offers();
    const entities: RecognizedEntity[] = prediction.entities.flatMap((entity) => {
      if (!isCategory(entity.category)) return [];
      // CLU finds "0966"; the offers say which offer that is.
      const resolution =
        entity.category === 'offerReference'
          ? (snapshot.findByReference(entity.text)?.reference ?? entity.text)
          : resolutionOf(entity);
      return [{ category: entity.category, text: entity.text, offset: entity.offset, length: entity.length, confidenceScore: entity.confidence, resolution }];
    });
    const topIntent = isIntent(prediction.topIntent ?? '') ? (prediction.topIntent as Intent) : (intents[0]?.category ?? 'None');
    return { text, topIntent, intents, entities };
  }
}
