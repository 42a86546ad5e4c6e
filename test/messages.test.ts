/**
 * Messages say their fix in words a Python, Java, C# or Go user can follow, and name props as API.md
 * does (issue 22): no TypeScript in them. One rule, `codeIn()` (test/setup/message-syntax.ts), checked
 * three ways: here against examples of both kinds; here against every string literal of lib/, which
 * covers the messages written without the validation kit; and, in every test of the suite, against each
 * message the library really makes (test/setup/message-words.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { Image, ImageBuilder, InstanceType } from '../lib';
import { codeIn } from './setup/message-syntax';
import { takeMessageFindings } from './setup/message-words';
import { DIRECTORY_NAME, FLEET_IMAGE_NAME, NAME, S3_BUCKET, S3_BUCKET_FORMAT, StringRule, TAG_KEY, countProblem, stringProblem } from '../lib/private/rules';
import { IMAGE_ASSISTANT_APPLICATION_NAME, IMAGE_ASSISTANT_IMAGE_NAME, IMAGE_COMPONENT_NAME } from '../lib/private/rules/image-assistant';
import { Validator } from '../lib/private/validation';

describe('codeIn', () => {
  test('finds nothing in words, prop paths, method names, values and tokens', () => {
    for (const text of [
      'An image builder uses exactly one subnet: set vpcSubnets to a selection of one subnet, or select by subnet type.',
      'Give an Image, such as Image.fromName(\'AppStream-WinServer2022-06-17-2024\') or Image.fromArn().',
      'Give a Duration, such as Duration.minutes(15).',
      'Set enableDefaultInternetAccess to true or false, or leave it out.',
      'Give a list of 1 to 4 platforms, such as one holding FleetPlatform.WINDOWS_SERVER_2019.',
      'the template then holds only a {{resolve:secretsmanager:…}} reference',
      'letters, digits and spaces (pattern ^[\\p{L}\\p{Z}]{1,256}$)',
      'Give the user as <domain>\\<user>, or use DefaultProfile.templateUser().',
      'Give a name such as MyImage-${…}.',
      'Give a fleet (such as Fleet) or a name.',
    ]) {
      expect([text, codeIn(text)]).toEqual([text, []]);
    }
    // Outside the fix, a problem may name an entry, and a value is shown as JSON.
    expect(codeIn('repeats the action of userSettings[0]', 'other')).toEqual([]);
    expect(codeIn('tags [{"Key":"a","Value":"b"}] must be a map', 'other')).toEqual([]);
  });

  test('fails each kind of TypeScript, naming it', () => {
    const cases: Array<[string, string]> = [
      ['name one, for example vpcSubnets: { subnets: [vpc.privateSubnets[0]] }', 'an object literal'],
      ['Give AppBlockPackaging.custom({ setupScript }).', 'an object literal'],
      ["not CloudFormation's [{ Key, Value }] list", 'an object literal'],
      ['Give at least one, such as [InstanceFamily.GENERAL_PURPOSE].', 'an array literal'],
      ["Give a list of domains, such as ['example.com'].", 'an array literal'],
      ['Give a list of whole numbers, such as [0, 3010].', 'an array literal'],
      ['take the first one, vpc.privateSubnets[0].', 'an index'],
      ['Give a resolver, such as (x) => x.name.', 'an arrow function'],
      ["Define the role with new iam.ServicePrincipal('appstream.amazonaws.com').", 'a constructor call'],
      ['Give props.vpc?.vpcId.', 'optional chaining'],
      ['Give props.vpc!.vpcId.', 'a non-null assertion'],
      ['Give a name such as `MyImage-${stage}`.', 'a template literal'],
      ['Give (fleet as Fleet).', 'a cast'],
      ["Give Fleet.fromFleetName(this, 'Fleet', name).", "the scope 'this'"],
      ['Give enableDefaultInternetAccess: true, or leave it out.', 'a prop assignment'],
    ];
    for (const [text, kind] of cases) {
      expect(codeIn(text).map((f) => f.split(':')[0]), text).toContain(kind);
    }
    // An entry's index is code in the fix, where it tells what to write.
    expect(codeIn('repeats userSettings[0]', 'fix')).toEqual(["an index: 's[0]'"]);
  });
});

/**
 * Each string literal of a TypeScript source, with its line; a template's substitutions stand as `xX` and,
 * again, as `Xx`. The source of an inline Lambda function (`Code.fromInline(...)`, or a constant named `*_CODE`) is code, not a message.
 */
function literalTexts(file: string, source: string): Array<{ line: number; text: string }> {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /\bfromInline$/.test(node.expression.getText(sf))) {
      return;
    }
    // A constant named *_CODE holds the source of such a function (lib/private/pipeline-copy-tags.ts).
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /_CODE$/.test(node.name.text)) {
      return;
    }
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ line, text: node.text });
    } else if (ts.isTemplateExpression(node)) {
      for (const stand of ['xX', 'Xx']) {
        found.push({ line, text: node.head.text + node.templateSpans.map((s) => stand + s.literal.text).join('') });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The TypeScript in the string literals of `source`: `file:line finding in "text"`. */
function codeInLiterals(file: string, source: string): string[] {
  return [...new Set(literalTexts(file, source)
    // The image pipeline's Amazon States Language: JSONPath and intrinsic functions, not messages.
    .filter(({ text }) => !text.startsWith('$.') && !text.startsWith('States.'))
    .flatMap(({ line, text }) => codeIn(text).map((f) => `${file}:${line} ${f} in ${JSON.stringify(text)}`)))];
}

const LIB = path.join(__dirname, '..', 'lib');

function libFiles(dir: string = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? libFiles(file) : e.name.endsWith('.ts') ? [file] : [];
  });
}

describe('the string literals of lib/', () => {
  const files = libFiles();

  test('hold no TypeScript: every message, also one thrown without the validation kit', () => {
    const found = files.flatMap((f) => codeInLiterals(path.relative(LIB, f), fs.readFileSync(f, 'utf-8')));
    expect(found).toEqual([]);
  });

  test('the scan reads them: messages of the kit and of plain throws, and a template\'s words', () => {
    const texts = files.flatMap((f) => literalTexts(f, fs.readFileSync(f, 'utf-8')).map((l) => l.text));
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.some((t) => t.startsWith('An image builder uses exactly one subnet:'))).toBe(true);
    expect(texts.some((t) => t.includes('grantCreateStreamingUrl() of an imported stack needs its fleet'))).toBe(true);
    expect(texts).toContain('Use xX.xX or another member of xX.');
  });

  test('fails a source whose message is TypeScript, in a string or a template, naming the line', () => {
    const source = [
      "const ok = 'Give an Image, such as Image.fromName().';",
      "v.fail('vpcSubnets', undefined, 'selects no subnet', 'Give vpcSubnets: { subnets: [subnet] }.');",
      'v.fail(p, value, `is wrong`, `Give ${p}: true.`);',
      "const path = '$.Images[0]';",
      "const code = lambda.Code.fromInline(['exports.handler = async (event) => {', '};'].join('\\n'));",
      "const HANDLER_CODE = ['exports.handler = async (event) => {', '};'].join('\\n');",
    ].join('\n');
    expect(codeInLiterals('sample.ts', source)).toEqual([
      "sample.ts:2 an object literal: '{ subnets:' in \"Give vpcSubnets: { subnets: [subnet] }.\"",
      "sample.ts:2 a prop assignment: 'vpcSubnets: {' in \"Give vpcSubnets: { subnets: [subnet] }.\"",
      "sample.ts:3 a prop assignment: 'xX: true' in \"Give xX: true.\"",
    ]);
  });
});

describe('the messages the tests make (test/setup/message-words.ts)', () => {
  test('are seen: a construct\'s error passes, a message with TypeScript in its fix is found', () => {
    const stack = new Stack(new App(), 'Stack');
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const before = takeMessageFindings().seen;
    expect(() => new ImageBuilder(stack, 'Builder', {
      image: Image.fromName('AppStream-WinServer2022-06-17-2024'), instanceType: InstanceType.STANDARD_MEDIUM, vpc, vpcSubnets: { subnets: vpc.privateSubnets },
    })).toThrow(/must have exactly 1 subnet \(it has 2\)\. An image builder uses exactly one subnet: set vpcSubnets to a selection of one subnet/);
    const { seen, findings } = takeMessageFindings();
    expect(seen).toBeGreaterThan(before);
    expect(findings).toEqual([]);

    new Validator(stack, 'ImageBuilder').message('vpcSubnets', undefined, 'selects no subnet', 'Give vpcSubnets: { subnets: [vpc.privateSubnets[0]] }.');
    const bad = takeMessageFindings().findings; // taken, so that this test does not fail for it
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^ImageBuilder 'Stack': vpcSubnets selects no subnet\. Give vpcSubnets: .*\n {4}\(an object literal: '\{ subnets:'; an index: 's\[0\]'; a prop assignment: 'vpcSubnets: \{'\)$/);
  });

  test('warnings too: a warning whose text holds TypeScript is found', () => {
    const stack = new Stack(new App(), 'Stack');
    new Validator(stack, 'Fleet').warn('madeUp', "Fleet 'Stack': use new iam.Role(this, 'R') instead.");
    const { findings } = takeMessageFindings();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/a constructor call: 'new iam\.Role\('; the scope 'this': '\(this,'/);
  });
});

describe('small words', () => {
  test('a name that fails its pattern points at the offending character, under every name rule with a pattern', () => {
    // Each rule with a name it accepts; a control character (BEL) put in the middle is allowed by all
    // but the rule of names without spaces, which gets a space.
    const names: Array<[string, StringRule, string]> = [
      ['NAME', NAME, 'golden-builder'], ['FLEET_IMAGE_NAME', FLEET_IMAGE_NAME, 'MyImage-2026'],
      ['DIRECTORY_NAME', DIRECTORY_NAME, 'corp.example.com'], ['TAG_KEY', TAG_KEY, 'team'],
      ['S3_BUCKET', S3_BUCKET, 'my-apps'], ['S3_BUCKET_FORMAT', S3_BUCKET_FORMAT, 'my-apps'],
      ['IMAGE_ASSISTANT_APPLICATION_NAME', IMAGE_ASSISTANT_APPLICATION_NAME, 'notepad'],
      ['IMAGE_ASSISTANT_IMAGE_NAME', IMAGE_ASSISTANT_IMAGE_NAME, 'golden-image'],
      ['IMAGE_COMPONENT_NAME', IMAGE_COMPONENT_NAME, 'install-office'],
    ];
    for (const [name, rule, good] of names) {
      expect(stringProblem(rule, good), name).toBeUndefined();
      const bad = `${good.slice(0, 2)}${rule === IMAGE_ASSISTANT_APPLICATION_NAME ? ' ' : '\u0007'}${good.slice(2)}`;
      expect(stringProblem(rule, bad), name).toMatch(/: character 3 (U\+0007|' ') is not allowed( there)?$/);
    }
  });

  test('fails to name a character where a look-around refuses a sequence', () => {
    expect(stringProblem(IMAGE_ASSISTANT_IMAGE_NAME, 'amazon-image')).not.toMatch(/character/);
    expect(stringProblem(S3_BUCKET_FORMAT, 'my..apps')).not.toMatch(/character/);
  });

  test('a count of 1 is singular: "at most 1 fleet", never "1 fleets"', () => {
    expect(countProblem({ sources: ['CreateStack.Fleet'], maxItems: 1 }, 2, 'fleet')).toBe('must have at most 1 fleet (it has 2)');
    expect(countProblem({ sources: ['X.Y'], minItems: 1, maxItems: 1 }, 0, 'subnet')).toBe('must have exactly 1 subnet (it has 0)');
    expect(countProblem({ sources: ['X.Y'], minItems: 2 }, 1, 'instance family')).toBe('must have at least 2 instance families (it has 1)');
  });
});
