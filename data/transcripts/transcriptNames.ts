import { createHash } from 'node:crypto';

/** Ids become file and blob names reversibly (Teams ids hold ":" and "/"). */
const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
export const decode = (name: string) => Buffer.from(name, 'base64url').toString('utf8');

/**
 * A file name has 255 bytes at most: an id too long for its encoded form (Teams ids can be long) is
 * stored under its hash, and read back from the conversation's own lines.
 */
const MAX_NAME = 200;
export const HASHED = 'h-';
export const nameOf = (id: string) => {
  const encoded = encode(id);
  return encoded.length <= MAX_NAME ? encoded : `${HASHED}${createHash('sha256').update(id).digest('hex')}`;
};

/** One conversation's transcript: `<channel>/<conversation>.jsonl`, for a file or a blob. */
export const transcriptName = (channelId: string, conversationId: string) => `${nameOf(channelId)}/${nameOf(conversationId)}.jsonl`;

/** The ids a transcript's name holds; undefined when one of them is hashed (read them from its lines). */
export function idsOfName(name: string): { channelId: string; conversationId: string } | undefined {
  const [channel, file] = name.split('/');
  if (!channel || !file?.endsWith('.jsonl')) return undefined;
  const stem = file.slice(0, -'.jsonl'.length);
  if (channel.startsWith(HASHED) || stem.startsWith(HASHED)) return undefined;
  return { channelId: decode(channel), conversationId: decode(stem) };
}
