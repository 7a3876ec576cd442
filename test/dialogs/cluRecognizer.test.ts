import { afterEach, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock, systemClock } from '../../data/clock.js';
import { OfferCatalog } from '../../data/offers/offerCatalog.js';
import { CluRecognizer } from '../../dialogs/recognition/cluRecognizer.js';
import { FallbackRecognizer } from '../../dialogs/recognition/fallbackRecognizer.js';
import { noumeaNoon, sampleOffers } from '../helpers/offers.js';
import { fakeService, testConfig, type Received } from '../helpers/servers.js';
import { trainedRecognizer } from '../helpers/testBot.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

const catalog = OfferCatalog.of(sampleOffers(), systemClock);
const TEXT = 'quelle est la date limite de la 0975 à Koné';

/** What Azure CLU answers (REST API 2022-05-15-preview), as it writes it on the wire. */
function cluAnswer(request: Received) {
  const text = String((request.body.analysisInput as { conversationItem: { text: string } }).conversationItem.text);
  const reference = /\d{3,5}/.exec(text);
  const place = text.indexOf('Koné');
  return {
    status: 200,
    body: {
      kind: 'ConversationResult',
      result: {
        query: text,
        prediction: {
          topIntent: 'Deadline',
          projectKind: 'Conversation',
          intents: [
            { category: 'Deadline', confidenceScore: 0.93 },
            { category: 'HowToApply', confidenceScore: 0.04 },
            { category: 'SomethingRetired', confidenceScore: 0.01 },
          ],
          entities: [
            ...(reference ? [{ category: 'offerReference', text: reference[0], offset: reference.index, length: reference[0].length, confidenceScore: 1 }] : []),
            ...(place >= 0
              ? [{ category: 'commune', text: 'Koné', offset: place, length: 4, confidenceScore: 1, extraInformation: [{ extraInformationKind: 'ListKey', key: 'Koné' }] }]
              : []),
          ],
        },
      },
    },
  };
}

type Answer = (request: Received) => { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;

async function fakeClu(answer: Answer = cluAnswer) {
  const service = await fakeService(answer);
  closers.push(() => service.close());
  return service;
}

describe('Azure CLU recogniser', () => {
  it('asks CLU as the SDK does and maps its prediction to the shared shape', async () => {
    const clu = await fakeClu();
    const recognizer = new CluRecognizer({ endpoint: clu.url, key: 'the-key', project: 'jobs', deployment: 'prod' }, () => catalog.current(), 1500);
    const result = await recognizer.recognize(TEXT, 'fr');
    expect(result.topIntent).toBe('Deadline');
    expect(result.intents.map((i) => i.category)).toEqual(['Deadline', 'HowToApply']);
    expect(result.entities).toEqual([
      { category: 'offerReference', text: '0975', offset: 32, length: 4, confidenceScore: 1, resolution: '3134-26-0975/SR' },
      { category: 'commune', text: 'Koné', offset: 39, length: 4, confidenceScore: 1, resolution: 'Koné' },
    ]);
    const [request] = clu.received;
    expect(request?.url).toBe('/language/:analyze-conversations?api-version=2022-05-15-preview');
    expect(request?.headers['ocp-apim-subscription-key']).toBe('the-key');
    expect(request?.body).toMatchObject({
      kind: 'Conversation',
      analysisInput: { conversationItem: { text: TEXT, language: 'fr' } },
      parameters: { projectName: 'jobs', deploymentName: 'prod', stringIndexType: 'Utf16CodeUnit' },
    });
  });

  it.each<[string, Answer]>([
    ['an error', () => ({ status: 500, body: { error: { code: 'InternalServerError', message: 'down' } } })],
    ['a time-out', () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: {} }), 1500))],
  ])('falls back to the embedded recogniser on %s, and reports it', async (_label, answer) => {
    const clu = await fakeClu(answer);
    const reported: unknown[] = [];
    const recognizer = new FallbackRecognizer(
      new CluRecognizer({ endpoint: clu.url, key: 'k', project: 'p', deployment: 'd' }, () => catalog.current(), 300),
      await trainedRecognizer(),
      (error) => reported.push(error),
    );
    const started = Date.now();
    const result = await recognizer.recognize('quelle est la date limite de la 0975', 'fr');
    expect(result.topIntent).toBe('Deadline');
    expect(reported).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1200);
  });
});

describe('the bot with CLU configured', () => {
  const activity = (serviceUrl: string, text: string) => ({
    type: 'message',
    id: 'a1',
    channelId: 'webchat',
    serviceUrl,
    text,
    from: { id: 'u', role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: 'c1' },
  });

  it.each<[string, Answer, boolean]>([
    ['CLU answers', cluAnswer, false],
    ['CLU is down', () => ({ status: 503, body: {} }), true],
  ])('answers the deadline when %s', async (_label, answer, outage) => {
    const clu = await fakeClu(answer);
    const connector = await fakeService();
    closers.push(() => connector.close());
    const logger = new MemoryLogger();
    const app = await startApp(await testConfig({ CLU_ENDPOINT: clu.url, CLU_KEY: 'k' }), { clock: fixedClock(noumeaNoon('2026-07-05')), logger });
    closers.push(() => app.close());
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(connector.url, 'quelle est la date limite de la 0975')),
    });
    const [reply] = await connector.waitFor(1);
    expect(String(reply?.body.text)).toContain('il reste 12 jours');
    expect(clu.received).toHaveLength(1);
    expect(logger.entries.some((e) => e.message.startsWith('CLU failed'))).toBe(outage);
  });
});
