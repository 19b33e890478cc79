import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntityRule } from '../../src/entities/context.js';
import { ENTITY_RULES } from '../../src/entities/rules/index.js';
import { ROOT } from '../helpers.js';

const RULES_DIR = join(ROOT, 'src', 'entities', 'rules');

describe('entity rules', () => {
  it('have unique names, one list, and every rule file is in it', async () => {
    const names = ENTITY_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    const listed = new Set<EntityRule>(ENTITY_RULES);
    const files = readdirSync(RULES_DIR).filter((file) => file !== 'index.ts' && file !== 'veto.ts');
    expect(files.length).toBe(ENTITY_RULES.length);
    for (const file of files) {
      const module = (await import(join(RULES_DIR, file))) as Record<string, EntityRule>;
      const rules = Object.values(module).filter((value) => typeof value?.run === 'function');
      expect(rules, file).toHaveLength(1);
      expect(listed.has(rules[0] as EntityRule), `${file} is not in ENTITY_RULES`).toBe(true);
      // A rule's file is named after the rule.
      expect(file, file).toBe(`${(rules[0] as EntityRule).name}.ts`);
    }
  });

  it('run in the order the entity stage needs: candidates, vetoes, then select', () => {
    const names = ENTITY_RULES.map((rule) => rule.name);
    const at = (name: string) => names.indexOf(name);
    expect(at('gazetteer')).toBe(0);
    expect(at('model')).toBeLessThan(at('official-titles'));
    expect(at('official-titles')).toBeLessThan(at('unsure-organization'));
    expect(at('unsure-organization')).toBeLessThan(at('drop-vetoed'));
    expect(at('drop-vetoed')).toBeLessThan(at('select'));
    expect(at('select')).toBeLessThan(at('document-places'));
  });
});
