import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { INTENTS } from './recognizer.js';

/**
 * The language model: one file in Azure CLU's project export format (deployment/clu/), the single
 * source of intents, entities and labelled utterances. It imports into Azure Language as it is,
 * and the embedded recogniser trains from it at start-up.
 */
export const PROJECT_FILE_VERSION = '2022-10-01-preview';

const languageCode = z.enum(['fr', 'en-us']);
const listEntity = z.object({
  sublists: z.array(
    z.object({
      listKey: z.string().min(1),
      synonyms: z.array(z.object({ language: languageCode, values: z.array(z.string().min(1)).min(1) })).min(1),
    }),
  ),
});

export const cluProjectSchema = z
  .object({
    projectFileVersion: z.literal(PROJECT_FILE_VERSION),
    stringIndexType: z.literal('Utf16CodeUnit'),
    metadata: z.object({
      projectKind: z.literal('Conversation'),
      projectName: z.string().min(1),
      multilingual: z.boolean(),
      description: z.string(),
      language: languageCode,
      settings: z.object({ confidenceThreshold: z.number().min(0).max(1) }),
    }),
    assets: z.object({
      projectKind: z.literal('Conversation'),
      intents: z.array(z.object({ category: z.enum(INTENTS) })),
      entities: z.array(
        z
          .object({
            category: z.string().min(1),
            compositionSetting: z.enum(['separateComponents', 'combineComponents', 'requireExactOverlap', 'returnLongestOverlap']),
            list: listEntity.optional(),
            prebuilts: z.array(z.object({ category: z.string().min(1) })).optional(),
            regex: z
              .object({
                expressions: z.array(z.object({ regexKey: z.string(), language: languageCode, regexPattern: z.string() })),
              })
              .optional(),
          })
          .strict(),
      ),
      utterances: z.array(
        z
          .object({
            text: z.string().min(1),
            intent: z.enum(INTENTS),
            language: languageCode,
            dataset: z.enum(['Train', 'Test']).optional(),
            entities: z.array(z.object({ category: z.string(), offset: z.number().int().min(0), length: z.number().int().min(1) })),
          })
          .strict(),
      ),
    }),
  })
  .strict();

export type CluProject = z.infer<typeof cluProjectSchema>;

export async function loadCluProject(file: string): Promise<CluProject> {
  return cluProjectSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
