import type { Activity, PagedResult, TranscriptInfo, TranscriptStore } from 'botbuilder';
import { maskDeep } from '../../data/transcripts/masking.js';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import type { LoggedActivity } from '../../data/transcripts/transcriptFiles.js';

const PAGE_SIZE = 20;

/**
 * The Bot Framework's `TranscriptStore` over the transcript archive (files or blobs): what `TranscriptLoggerMiddleware`
 * writes to, and what the review page and the `.transcript` export read. Personal data is masked
 * here, before anything is kept; channel data and user names are not kept at all.
 */
export class MaskedTranscriptStore implements TranscriptStore {
  constructor(private readonly files: TranscriptArchive) {}

  logActivity(activity: Activity): Promise<void> {
    return this.files.append(toStored(activity));
  }

  async getTranscriptActivities(channelId: string, conversationId: string, continuationToken?: string, startDate?: Date): Promise<PagedResult<Activity>> {
    const all = (await this.files.read(channelId, conversationId)).filter(
      (a) => !startDate || Date.parse(a.timestamp ?? '') >= startDate.getTime(),
    );
    const start = Number(continuationToken ?? 0) || 0;
    const items = all.slice(start, start + PAGE_SIZE).map(toActivity);
    return { items, continuationToken: start + PAGE_SIZE < all.length ? String(start + PAGE_SIZE) : '' };
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    const conversations = await this.files.all(channelId);
    const infos = conversations
      .map((c) => ({ channelId: c.channelId, id: c.conversationId, created: new Date(c.activities[0]?.timestamp ?? 0) }))
      .sort((a, b) => a.created.getTime() - b.created.getTime());
    const start = Number(continuationToken ?? 0) || 0;
    return { items: infos.slice(start, start + PAGE_SIZE), continuationToken: start + PAGE_SIZE < infos.length ? String(start + PAGE_SIZE) : '' };
  }

  deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    return this.files.delete(channelId, conversationId);
  }
}

/** What is kept of an activity: masked, without channel data and without people's names. */
export function toStored(activity: Partial<Activity>): LoggedActivity {
  const rest: Record<string, unknown> = { ...activity };
  delete rest.channelData;
  // What people wrote or were shown is masked (maskDeep makes a copy); ids, addresses and times are
  // not personal data and must stay intact. The content (cards, mostly) is copied once, by the
  // masking, not also through JSON like the rest: it is most of an activity's weight.
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) {
    if (rest[field] !== undefined) content[field] = maskDeep(rest[field]);
    delete rest[field];
  }
  const anonymous = (account: Partial<Activity>['from']) => (account ? { id: account.id, role: account.role } : undefined);
  const stored = {
    ...rest,
    from: anonymous(activity.from),
    recipient: anonymous(activity.recipient),
    timestamp: activity.timestamp ? new Date(activity.timestamp).toISOString() : undefined,
  };
  return { ...(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>), ...content } as LoggedActivity;
}

const CONTENT_FIELDS = ['text', 'speak', 'summary', 'value', 'attachments', 'suggestedActions', 'entities', 'membersAdded', 'membersRemoved'] as const;

function toActivity(stored: LoggedActivity): Activity {
  return { ...stored, timestamp: stored.timestamp ? new Date(stored.timestamp) : undefined } as unknown as Activity;
}
