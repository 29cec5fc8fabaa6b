import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { RULE_MESSAGES } from './rule-messages';

/** Every rule code the domain can refuse with (the 422 `rule`), read from its source. */
function domainRuleCodes(): { codes: Set<string>; prefixes: Set<string> } {
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  const visit = (node: ts.Node) => {
    const callee = ts.isCallExpression(node)
      ? node.expression.getText()
      : ts.isNewExpression(node)
        ? node.expression.getText()
        : '';
    const args = ts.isCallExpression(node) || ts.isNewExpression(node) ? (node.arguments ?? []) : [];
    const code = callee === 'ensure' ? args[1] : callee === 'RuleViolationError' ? args[0] : undefined;
    if (code && ts.isStringLiteralLike(code)) codes.add(code.text);
    if (code && ts.isTemplateExpression(code)) prefixes.add(code.head.text);
    ts.forEachChild(node, visit);
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.includes('.spec.')) {
        visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true));
      }
    }
  };
  walk(join(process.cwd(), 'libs', 'domain'));
  return { codes, prefixes };
}

describe('rule messages of the web workspace', () => {
  const { codes, prefixes } = domainRuleCodes();

  it('finds the domain rules (the scan works)', () => {
    expect(codes.size).toBeGreaterThan(50);
    expect(codes).toContain('service_period.forbidden_provider_kind');
  });

  it('has a Finnish, Swedish and English message for every rule code of the domain', () => {
    const missing = [...codes].filter(
      (code) => !RULE_MESSAGES[code]?.fi || !RULE_MESSAGES[code]?.sv || !RULE_MESSAGES[code]?.en,
    );
    expect(missing).toEqual([]);
  });

  it('covers codes the domain builds from a prefix (referral.already_<status>)', () => {
    expect([...prefixes]).toContain('referral.already_');
    for (const prefix of prefixes) {
      expect(Object.keys(RULE_MESSAGES).filter((k) => k.startsWith(prefix)).length).toBeGreaterThan(0);
    }
  });

  it('has no message for a code the domain no longer has', () => {
    const stale = Object.keys(RULE_MESSAGES).filter(
      (k) => !codes.has(k) && ![...prefixes].some((p) => k.startsWith(p)),
    );
    expect(stale).toEqual([]);
  });
});
