import { describe, expect, it } from '@jest/globals';
import { MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { readProfile, type CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { ParsedProperty } from '../../dialogs/parsedProperty.js';

/** The profile read back from UserState is data from outside: parsed, field by field, on every read. */
describe('the candidate profile kept in UserState', () => {
  it('drops a field that no longer fits and keeps the others', async () => {
    const storage = new MemoryStorage();
    const adapter = new TestAdapter(async () => undefined);
    const context = new TurnContext(adapter, { type: 'message', channelId: 'test', from: { id: 'u1', name: 'u' }, conversation: { id: 'c1', isGroup: false, name: 'c', conversationType: 'personal' }, recipient: { id: 'bot', name: 'bot' } });
    // As another version of the bot (or a hand-edited store) left it.
    await storage.write({ 'test/users/u1/': { candidateProfile: { status: 'retired', citizen: true, education: 42, residenceSince: '2019-01-01' }, eTag: '*' } });
    const state = new UserState(storage);
    const profiles = new ParsedProperty<CandidateProfile>(state.createProperty<unknown>('candidateProfile'), readProfile);
    expect(await profiles.get(context, {})).toEqual({ citizen: true, residenceSince: '2019-01-01' });
  });

  it('reads nothing from a value that is no profile at all', () => {
    for (const stored of [null, 'text', 3, [1, 2]]) expect(readProfile(stored)).toEqual({});
  });
});
