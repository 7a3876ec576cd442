import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InvalidRulesError, parseEligibilityRules, RULE_IDS } from '../../../data/eligibility/eligibilityRules.js';
import { RULES_FILE } from '../../helpers/testBot.js';

/** The file as JSON, loosely typed so that a test can break any part of it. */
type Part = Record<string, unknown>;
type ShippedRules = {
  rules: { citizen: Part; residenceShort: Part } & Record<string, Part>; sources: { surTitre: Part; emploiLocal: Part } & Record<string, Part>;
  explanations: { citizenship: Part };
};
const shipped = () => JSON.parse(readFileSync(RULES_FILE, 'utf8')) as ShippedRules;

describe('the rules file HR keeps', () => {
  it('has every rule in French and English, each citing a source page', () => {
    const rules = parseEligibilityRules(shipped());
    for (const id of RULE_IDS) {
      expect(rules.sources[rules.rules[id].source]?.url).toMatch(/^https:\/\//);
    }
  });

  it('names the rule and the field of each mistake', () => {
    const broken = shipped();
    delete broken.rules.citizen.en;
    broken.rules.residenceShort.source = 'nowhere';
    broken.sources.surTitre.url = 'javascript:alert(1)';
    let error: unknown;
    try {
      parseEligibilityRules(broken, 'eligibility-rules.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRulesError);
    const problems = (error as InvalidRulesError).problems.join('\n');
    expect(problems).toMatch(/rules\.citizen\.en/);
    expect(problems).toMatch(/sources\.surTitre\.url/);
  });

  it('checks that each rule names a known source', () => {
    const broken = shipped();
    broken.rules.residenceShort.source = 'nowhere';
    expect(() => parseEligibilityRules(broken)).toThrow(/rules\.residenceShort\.source: names no source of "sources": "nowhere"/);
  });

  it('checks that a source\'s legal texts come in both languages', () => {
    const broken = shipped();
    broken.sources.emploiLocal.texts = { fr: 'loi du pays n° 2016-17' };
    let error: unknown;
    try {
      parseEligibilityRules(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRulesError);
    const problems = (error as InvalidRulesError).problems.join('\n');
    expect(problems).toMatch(/sources\.emploiLocal\.texts\.en/);
  });

  it('checks that each explanation names a known source', () => {
    const broken = shipped();
    broken.explanations.citizenship.source = 'nowhere';
    expect(() => parseEligibilityRules(broken)).toThrow(/explanations\.citizenship\.source: names no source of "sources": "nowhere"/);
  });
});
