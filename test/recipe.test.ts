import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { beforeEach, describe, expect, test } from 'vitest';
import { DefaultProfile, Image, ImageComponent, ImageRecipe, ImageRecipeApplication, ImageRecipePlatform, ImageRecipeProps } from '../lib';
import { stringProblem } from '../lib/private/rules';
import {
  IMAGE_ASSISTANT_APPLICATIONS,
  IMAGE_ASSISTANT_APPLICATION_NAME,
  IMAGE_ASSISTANT_IMAGE_NAME,
  IMAGE_COMPONENT_TIMEOUT_SECONDS,
} from '../lib/private/rules/image-assistant';
import * as cliRules from '../lib/private/rules/image-assistant';

const ROOT = path.join(__dirname, '..');
/** The request fixture the agent's Go tests read too (agent/contract_test.go). */
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'agent', 'testdata', 'request-v1.json'), 'utf-8'));
/** The one description of the documented Image Assistant CLI; the agent's stand-in enforces it. */
const CLI = JSON.parse(fs.readFileSync(path.join(ROOT, 'agent', 'internal', 'standin-assistant', 'cli.json'), 'utf-8'));

const BASE = Image.fromName('Acme-WinServer2022-agent-2026-11');
const APP: ImageRecipeApplication = { name: 'Crm', absoluteAppPath: 'C:\\Program Files\\Crm\\crm.exe' };

let stack: Stack;
let scope: Construct;

beforeEach(() => {
  stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  scope = new Construct(stack, 'Pipeline');
});

const render = (recipe: ImageRecipe) => stack.resolve(recipe.bind(scope).document);
const windows = (props: Partial<ImageRecipeProps>) => ImageRecipe.windows({ baseImage: BASE, ...props });
const linux = (props: Partial<ImageRecipeProps>) => ImageRecipe.linux({ baseImage: Image.fromName('Acme-AmazonLinux2-agent'), ...props });

describe('the recipe document', () => {
  test('is the fixture the agent reads, for the recipe written in the README', () => {
    const installers = s3.Bucket.fromBucketName(stack, 'Installers', 'acme-installers');
    const recipe = ImageRecipe.windows({
      baseImage: BASE,
      components: [
        ImageComponent.inline('Set-ItemProperty -Path HKLM:\\Software\\Acme -Name Mode -Value Kiosk', { name: 'registry', timeout: Duration.minutes(5) }),
        ImageComponent.fromBucket(installers, 'npp/npp-8.6.zip', {
          name: 'notepad-plus-plus', run: 'Install.ps1', arguments: ['-Quiet'], timeout: Duration.minutes(20), successExitCodes: [0, 3010],
        }),
      ],
      applications: [{
        name: 'NotepadPP',
        absoluteAppPath: 'C:\\Program Files\\Notepad++\\notepad++.exe',
        displayName: 'Notepad++',
        absoluteIconPath: 'C:\\AppStream\\Icons\\npp.png',
        workingDirectory: 'C:\\Users\\Public',
        launchParameters: 'C:\\Users\\Public\\Documents\\notes.txt',
      }],
      defaultProfile: DefaultProfile.templateUser(),
      licenseIncludedApplications: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
      imageDisplayName: 'CRM desktop',
      imageDescription: 'Built by cdk-appstream',
      imageTags: { team: 'crm' },
    });
    const config = recipe.bind(scope);
    expect(stack.resolve(config.document)).toEqual(FIXTURE.recipe);
    expect(config.platform).toBe(ImageRecipePlatform.WINDOWS);
    expect(config.baseImage).toEqual({ imageName: 'Acme-WinServer2022-agent-2026-11' });
    expect(config.licenseIncludedApplications).toEqual(['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit']);
    expect(config.assets.map((a) => [a.bucket.bucketName, a.objectKey])).toEqual([['acme-installers', 'npp/npp-8.6.zip']]);
  });

  test('has the defaults: 30 minutes, exit code 0, the newest agent, no dynamic catalog, empty lists', () => {
    expect(render(linux({ components: [ImageComponent.inline('yum -y install git')] }))).toEqual({
      schemaVersion: 1,
      platform: 'LINUX',
      components: [{ name: 'component-1', inline: 'yum -y install git', timeoutSeconds: 1800, successExitCodes: [0] }],
      applications: [],
      image: { useLatestAgentVersion: true, dynamicAppCatalog: false },
    });
    expect(render(windows({ useLatestAgentVersion: false, dynamicAppCatalog: true, defaultProfile: DefaultProfile.ofUser('CORP\\template') }))).toMatchObject({
      defaultProfile: { profile: 'CORP\\template' },
      image: { useLatestAgentVersion: false, dynamicAppCatalog: true },
    });
  });

  test('an asset directory is a zip the agent unpacks; a file keeps its name', () => {
    const doc = render(windows({
      components: [
        ImageComponent.fromAsset(path.join(__dirname, 'agent', 'installer'), { run: 'Install.ps1' }),
      ],
    }));
    expect(doc.components[0].asset).toMatchObject({ packaging: 'ZIP', run: 'Install.ps1', bucket: 'cdk-hnb659fds-assets-123456789012-us-east-1' });
    expect(doc.components[0].asset.key).toMatch(/^[0-9a-f]{64}\.zip$/);
    const file = render(linux({ components: [ImageComponent.fromAsset(path.join(__dirname, 'agent', 'install.sh'))] }));
    expect(file.components[0].asset).toMatchObject({ packaging: 'FILE', run: 'install.sh' });
    expect(file.components[0].asset.key).toMatch(/^[0-9a-f]{64}\.sh$/);
  });

  test('binding twice to one construct reuses its assets', () => {
    const recipe = linux({ components: [ImageComponent.fromAsset(path.join(__dirname, 'agent', 'install.sh'))] });
    expect(stack.resolve(recipe.bind(scope).document)).toEqual(stack.resolve(recipe.bind(scope).document));
  });

  test('tokens pass unchecked', () => {
    const name = Lazy.string({ produce: () => 'App With Spaces' });
    expect(() => render(windows({ applications: [{ name, absoluteAppPath: Lazy.string({ produce: () => '' }) }] }))).not.toThrow();
  });
});

describe('the Image Assistant\'s limits, checked when the recipe is bound', () => {
  const apps = (n: number) => Array.from({ length: n }, (_, i) => ({ ...APP, name: `App${i}` }));

  test('50 applications pass; 51 do not', () => {
    expect(render(windows({ applications: apps(50) })).applications).toHaveLength(50);
  });
  test('fails with 51 applications', () => {
    expect(() => render(windows({ applications: apps(51) }))).toThrow(
      "Construct 'Stack/Pipeline': recipe.applications must have at most 50 applications (it has 51). Split the applications over several images, or use app blocks and Elastic fleets.");
  });
  test('fails with a space in an application name', () => {
    expect(() => render(windows({ applications: [{ ...APP, name: 'My App' }] }))).toThrow(/recipe.applications\[0\].name "My App" must be without spaces.*Give a name without spaces/);
  });
  test('fails with an application name used twice', () => {
    expect(() => render(windows({ applications: [APP, { ...APP }] }))).toThrow(/recipe.applications\[1\] "Crm" repeats the application name of recipe.applications\[0\]/);
  });
  test('fails without an application path (plain JavaScript)', () => {
    expect(() => render(windows({ applications: [{ name: 'Crm' } as any] }))).toThrow(/^ImageRecipe\.windows\(\): props\.applications\[0\]\.absoluteAppPath is required\. Give a string/);
  });
  test('warns of launch parameters that start with a dash', () => {
    render(windows({ applications: [{ ...APP, launchParameters: '--kiosk' }, { ...APP, name: 'Other', launchParameters: 'C:\\kiosk.cfg' }] }));
    // Read from the construct's metadata: synthesizing would add an empty template to the cfn-lint run.
    const warnings = scope.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('recipe.applications[0].launchParameters "--kiosk" starts with a dash');
    expect(warnings[0]).toContain('[ack: cdk-appstream:construct:launchParametersDash]');
  });
  test('fails with the Windows default profile on Linux', () => {
    expect(() => render(linux({ defaultProfile: DefaultProfile.templateUser() }))).toThrow(/recipe.defaultProfile is a Windows operation \(update-default-profile\).*Leave defaultProfile out of a Linux recipe/);
  });
  test('fails with an empty default-profile user', () => {
    expect(() => render(windows({ defaultProfile: DefaultProfile.ofUser('') }))).toThrow(/recipe.defaultProfile \(DefaultProfile.ofUser\) "" must not be empty. Give the user as <domain>\\<user>/);
  });
  test('fails with license-included applications on Linux', () => {
    expect(() => render(linux({ licenseIncludedApplications: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'] }))).toThrow(/are Windows applications/);
  });
  test('fails with a Windows component the agent cannot run', () => {
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'acme');
    expect(render(windows({ components: [ImageComponent.fromBucket(bucket, 'crm/setup.MSI')] })).components[0].asset.run).toBe('setup.MSI');
    expect(() => render(windows({ components: [ImageComponent.fromBucket(bucket, 'crm/setup.sh')] }))).toThrow(/recipe.components\[0\].run "setup.sh" cannot run on a Windows builder: the agent runs .ps1, .bat, .cmd, .exe, .msi files/);
  });
  test('fails with a zip archive and no file to run', () => {
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'acme');
    expect(() => render(windows({ components: [ImageComponent.fromBucket(bucket, 'crm.zip')] }))).toThrow(/recipe.components\[0\].run is required for a directory or a .zip archive/);
  });
  test('fails with a component timeout under a second or over a day', () => {
    expect(render(linux({ components: [ImageComponent.inline('true', { timeout: Duration.hours(24) })] })).components[0].timeoutSeconds).toBe(86400);
    expect(() => render(linux({ components: [ImageComponent.inline('true', { timeout: Duration.hours(25) })] }))).toThrow(/recipe.components\[0\].timeout \(in seconds\) 90000 must be a whole number from 1 to 86400/);
    expect(() => render(linux({ components: [ImageComponent.inline('true', { timeout: Duration.millis(500) })] }))).toThrow(/timeout \(in seconds\) 0.5 must be a whole number/);
  });
  test('fails with no success exit code, or one that is not a whole number', () => {
    expect(() => render(linux({ components: [ImageComponent.inline('true', { successExitCodes: [] })] }))).toThrow(/successExitCodes \[\] must not be empty/);
    expect(() => render(linux({ components: [ImageComponent.inline('true', { successExitCodes: [1.5] })] }))).toThrow(/successExitCodes\[0\] 1.5 must be a whole number/);
  });
  test('fails with an empty inline script, a bad component name, or one used twice', () => {
    expect(() => render(linux({ components: [ImageComponent.inline('  ')] }))).toThrow(/must be a non-empty script. Give the script's text \(bash\)/);
    expect(() => render(linux({ components: [ImageComponent.inline('true', { name: 'my step' })] }))).toThrow(/recipe.components\[0\].name "my step" must be 1 to 100 letters/);
    expect(() => render(linux({ components: [ImageComponent.inline('true', { name: 'a' }), ImageComponent.inline('false', { name: 'a' })] }))).toThrow(/recipe.components\[1\] "a" repeats the component name/);
  });
  test('fails with image tags AppStream refuses', () => {
    expect(render(windows({ imageTags: { 'cost-center': '42' } })).image.tags).toEqual({ 'cost-center': '42' });
    expect(() => render(windows({ imageTags: { 'aws:team': 'x' } }))).toThrow(/recipe.imageTags key "aws:team"/);
  });
  test('fails without a base image (plain JavaScript)', () => {
    expect(() => ImageRecipe.windows({} as any)).toThrow(/^ImageRecipe\.windows\(\): props\.baseImage is required\. Use Image\.fromArn\(\), Image\.fromName\(\)/);
  });
});

describe('the rules say what the documented CLI says (agent/internal/standin-assistant/cli.json)', () => {
  test('applications and their names', () => {
    expect(IMAGE_ASSISTANT_APPLICATIONS.maxItems).toBe(CLI.limits.applications.maxItems);
    expect(IMAGE_ASSISTANT_APPLICATION_NAME.maxLength).toBe(CLI.limits.applicationName.maxLength);
    expect(CLI.limits.applicationName.noWhitespace).toBe(true);
    expect(stringProblem(IMAGE_ASSISTANT_APPLICATION_NAME, 'a'.repeat(256))).toBeUndefined();
    expect(stringProblem(IMAGE_ASSISTANT_APPLICATION_NAME, 'a'.repeat(257))).toBeDefined();
    expect(stringProblem(IMAGE_ASSISTANT_APPLICATION_NAME, 'a\tb')).toBeDefined();
  });
  test('the image name: length, characters and reserved prefixes', () => {
    expect(IMAGE_ASSISTANT_IMAGE_NAME.maxLength).toBe(CLI.limits.imageName.maxLength);
    const cliAccepts = (name: string) => name.length <= CLI.limits.imageName.maxLength && new RegExp(CLI.limits.imageName.pattern).test(name)
      && !CLI.limits.imageName.reservedPrefixes.some((p: string) => name.toLowerCase().startsWith(p));
    for (const name of ['Crm-20261201T030000Z', 'a'.repeat(100), 'a'.repeat(101), 'AppStream-Crm', 'amazonia', 'AWSome', 'my image', 'x.y_z-1', 'awning']) {
      expect(stringProblem(IMAGE_ASSISTANT_IMAGE_NAME, name) === undefined, name).toBe(cliAccepts(name));
    }
  });
  test('the component timeout is the schema\'s range', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'agent', 'schema', 'request-v1.schema.json'), 'utf-8'));
    const timeout = schema.$defs.component.properties.timeoutSeconds;
    expect([IMAGE_COMPONENT_TIMEOUT_SECONDS.min, IMAGE_COMPONENT_TIMEOUT_SECONDS.max]).toEqual([timeout.minimum, timeout.maximum]);
  });
  test('every rule that cites the CLI cites one of its operations and options', () => {
    const cited = Object.values(cliRules).flatMap((rule) => (typeof rule === 'object' && 'sources' in rule ? rule.sources : []))
      .filter((source) => source.startsWith('ImageAssistant.'));
    expect(cited.length).toBeGreaterThan(8);
    for (const source of cited) {
      const [, operation, option] = source.split('.');
      expect(CLI.operations[operation], source).toBeDefined();
      if (option !== undefined) {
        expect([...CLI.operations[operation].options, ...(CLI.operations[operation].lists ?? [])], source).toContain(option);
      }
    }
  });
  test('the operations the agent calls are the CLI\'s, update-default-profile on Windows only', () => {
    expect(CLI.operations['add-application'].options).toEqual(['--name', '--absolute-app-path', '--display-name', '--absolute-icon-path', '--working-directory', '--launch-parameters', '--absolute-manifest-path']);
    expect(CLI.operations['update-default-profile'].platforms).toEqual(['WINDOWS']);
    expect(CLI.programs).toEqual({ WINDOWS: 'image-assistant.exe', LINUX: 'AppStreamImageAssistant' });
  });
});

describe('each recipe message names the property and ends with its fix', () => {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bucket = () => s3.Bucket.fromBucketName(stack, 'Fixes', 'acme');
  test.each<[string, () => ImageRecipe, string, string]>([
    ['a component name', () => linux({ components: [ImageComponent.inline('true', { name: 'my step' })] }), 'recipe.components[0].name "my step"', 'Rename the component.'],
    ['a component timeout', () => linux({ components: [ImageComponent.inline('true', { timeout: Duration.hours(25) })] }), 'recipe.components[0].timeout (in seconds) 90000',
      'Give a whole number of seconds, from Duration.seconds(1) to Duration.hours(24).'],
    ['no success exit code', () => linux({ components: [ImageComponent.inline('true', { successExitCodes: [] })] }), 'recipe.components[0].successExitCodes []',
      'Give at least one exit code that means success, such as 0, or leave it out.'],
    ['a fractional exit code', () => linux({ components: [ImageComponent.inline('true', { successExitCodes: [1.5] })] }), 'recipe.components[0].successExitCodes[0] 1.5',
      'Give exit codes as whole numbers.'],
    ['an empty Windows script', () => windows({ components: [ImageComponent.inline(' ')] }), 'recipe.components[0] (ImageComponent.inline) " "', "Give the script's text (PowerShell)."],
    ['a file without its run', () => windows({ components: [ImageComponent.fromBucket(bucket(), 'crm.zip')] }), 'recipe.components[0].run is required for a directory or a .zip archive',
      "Give the file to run inside it, such as 'setup/Install.ps1'."],
    ['an empty run', () => windows({ components: [ImageComponent.fromBucket(bucket(), 'crm.zip', { run: '' })] }), 'recipe.components[0].run ""',
      "Give the file to run, such as 'setup/Install.ps1'."],
    ['a run Windows cannot run', () => windows({ components: [ImageComponent.fromBucket(bucket(), 'crm/setup.sh')] }), 'recipe.components[0].run "setup.sh"',
      'Give a file with one of those extensions, or wrap the step in a PowerShell script.'],
    ['a component name twice', () => linux({ components: [ImageComponent.inline('true', { name: 'a' }), ImageComponent.inline('false', { name: 'a' })] }), 'recipe.components[1] "a"',
      'Give each component its own name.'],
    ['an application name twice', () => windows({ applications: [APP, { ...APP }] }), 'recipe.applications[1] "Crm"', 'Give each application its own name: the Image Assistant refuses a name twice.'],
    ['an empty application path', () => windows({ applications: [{ ...APP, absoluteAppPath: '' }] }), 'recipe.applications[0].absoluteAppPath ""', "Give the absolute path of the application's executable."],
    ['an empty display name', () => windows({ applications: [{ ...APP, displayName: '' }] }), 'recipe.applications[0].displayName ""', 'Give the displayName, or leave it out.'],
    ['license-included applications on Linux', () => linux({ licenseIncludedApplications: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'] }),
      'recipe.licenseIncludedApplications ["Microsoft_Office_2021_LTSC_Professional_Plus_64Bit"] are Windows applications; Linux builders install none',
      'Leave licenseIncludedApplications out of a Linux recipe, or use ImageRecipe.windows().'],
    ['an empty license-included application', () => windows({ licenseIncludedApplications: [''] }), 'recipe.licenseIncludedApplications[0] ""', 'Give the name of a license-included application.'],
    ['a reserved tag key', () => windows({ imageTags: { 'aws:team': 'x' } }), 'recipe.imageTags key "aws:team"', "Rename the tag (keys starting with 'aws:' are reserved for AWS)."],
    ['a tag value too long', () => windows({ imageTags: { team: 'x'.repeat(257) } }), "recipe.imageTags 'team' value", 'Change the value.'],
    ['51 tags', () => windows({ imageTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }), 'recipe.imageTags must have at most 50 tags', 'Remove tags.'],
  ])('%s', (_what, recipe, start, fix) => {
    expect(() => render(recipe())).toThrow(new RegExp(`^Construct 'Stack/Pipeline': ${esc(start)}.*${esc(fix)}$`));
  });

  test('no tags, no arguments and no display name stay out of the request; given ones are in it', () => {
    const plain = render(linux({ imageTags: {}, components: [ImageComponent.inline('true', { arguments: [] })] }));
    expect(plain.image.tags).toBeUndefined();
    expect(plain.image.displayName).toBeUndefined();
    expect(plain.components[0].arguments).toBeUndefined();
    const given = render(linux({ imageTags: { team: 'crm' }, imageDisplayName: 'CRM', components: [ImageComponent.inline('true', { arguments: ['-v'] })] }));
    expect(given.image).toMatchObject({ tags: { team: 'crm' }, displayName: 'CRM' });
    expect(given.components[0].arguments).toEqual(['-v']);
  });
});
