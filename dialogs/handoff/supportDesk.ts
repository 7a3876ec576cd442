import type { HandoffStore } from '../../data/handoff/handoffStore.js';
import type { Presence } from '../../data/handoff/staffPresence.js';
import type { SupportRange } from '../../data/handoff/supportHours.js';

/**
 * What the dialogs need to hand a conversation to a person: the queue, when support is on duty,
 * who is signed in, and how long a request may wait. `hub`: an agent hub (Omnichannel, Copilot
 * Studio) takes the conversation through the Bot Framework handoff protocol instead of /admin.
 */
export interface SupportDesk {
  store: HandoffStore;
  hours: readonly SupportRange[];
  presence: Presence;
  /** Minutes a request waits in the queue before the bot says nobody could take it. */
  waitMinutes: number;
  mode: 'review' | 'hub';
}
