import { App, CfnParameter, RemovalPolicy, Stack as CdkStack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AccessEndpoint, DirectoryConfig, Fleet, Image, InstanceType, Stack, StackProps, StorageConnector, StreamingProtocol, UserAction, UserSetting,
} from '../lib';

let app: App;
let stack: CdkStack;

beforeEach(() => {
  app = new App();
  stack = new CdkStack(app, 'Stack');
});

function appStack(props: StackProps = {}, id = 'AppStack'): Stack {
  return new Stack(stack, id, props);
}

function fleet(id = 'Fleet', scope: CdkStack = stack, props: Record<string, unknown> = {}): Fleet {
  return new Fleet(scope, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, ...props });
}

function stackProps(): Record<string, any> {
  const all = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Stack'));
  expect(all).toHaveLength(1);
  return all[0].Properties;
}

function param(name: string): string {
  return new CfnParameter(stack, name).valueAsString;
}

function warnings(scope: CdkStack = stack): string[] {
  return Annotations.fromStack(scope).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('defaults', () => {
  test('a minimal stack: a generated name, always rendered, and nothing else', () => {
    const s = appStack();
    expect(stackProps()).toEqual({ Name: 'StackAppStack8FF68A31' });
    expect(stack.resolve(s.stackName)).toEqual({ Ref: expect.stringMatching(/^AppStack/) });
    expect(s.fleet).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::StackFleetAssociation', 0);
    Template.fromStack(stack).hasResource('AWS::AppStream::Stack', { DeletionPolicy: 'Delete' });
  });

  test('no props at all (plain JavaScript)', () => {
    new Stack(stack, 'S', undefined as any);
    new Stack(stack, 'T', null as any);
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::Stack', 2);
  });
});

describe('every prop set', () => {
  test('renders every property, and the association with the fleet', () => {
    const f = fleet();
    appStack({
      fleet: f,
      stackName: 'my-stack',
      displayName: 'My stack',
      description: 'Where users stream',
      userSettings: [
        UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 1024 }),
        UserSetting.disable(UserAction.FILE_DOWNLOAD),
        UserSetting.enable(UserAction.of('AUTO_TIME_ZONE_REDIRECTION')),
      ],
      storageConnectors: [StorageConnector.homeFolders(), StorageConnector.oneDrive(['corp.example.com']), StorageConnector.googleDrive(['example.com'])],
      applicationSettings: { settingsGroup: 'finance' },
      accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      embedHostDomains: ['portal.example.com'],
      redirectUrl: 'https://portal.example.com/bye',
      feedbackUrl: 'https://portal.example.com/feedback',
      preferredProtocol: StreamingProtocol.UDP,
      tags: { team: 'desktops' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    expect(stackProps()).toEqual({
      Name: 'my-stack',
      DisplayName: 'My stack',
      Description: 'Where users stream',
      UserSettings: [
        { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'ENABLED', MaximumLength: 1024 },
        { Action: 'FILE_DOWNLOAD', Permission: 'DISABLED' },
        { Action: 'AUTO_TIME_ZONE_REDIRECTION', Permission: 'ENABLED' },
      ],
      StorageConnectors: [
        { ConnectorType: 'HOMEFOLDERS' },
        { ConnectorType: 'ONE_DRIVE', Domains: ['corp.example.com'] },
        { ConnectorType: 'GOOGLE_DRIVE', Domains: ['example.com'] },
      ],
      ApplicationSettings: { Enabled: true, SettingsGroup: 'finance' },
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' }],
      EmbedHostDomains: ['portal.example.com'],
      RedirectURL: 'https://portal.example.com/bye',
      FeedbackURL: 'https://portal.example.com/feedback',
      StreamingExperienceSettings: { PreferredProtocol: 'UDP' },
      Tags: [{ Key: 'team', Value: 'desktops' }],
    });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::AppStream::Stack', { DeletionPolicy: 'Retain' });
    const [association] = Object.values(template.findResources('AWS::AppStream::StackFleetAssociation'));
    // References to the two L1s, which order the association after both: no DependsOn.
    expect(association.Properties).toEqual({ FleetName: { Ref: expect.stringMatching(/^Fleet/) }, StackName: { Ref: expect.stringMatching(/^AppStack/) } });
    expect(association.DependsOn).toBeUndefined();
    expect(warnings()).toEqual([]);
  });

  test('application settings without a group turn persistence on; an empty connector list renders nothing', () => {
    appStack({ applicationSettings: {}, storageConnectors: [] });
    expect(stackProps()).toEqual({ Name: expect.any(String), ApplicationSettings: { Enabled: true } });
  });
});

describe('associateFleet', () => {
  test('associates a fleet given later, under the construct id FleetAssociation', () => {
    const s = appStack();
    const f = fleet();
    s.associateFleet(f);
    expect(s.fleet).toBe(f);
    expect(s.node.tryFindChild('FleetAssociation')).toBeDefined();
  });

  test('a fleet and a stack may share a name', () => {
    appStack({ stackName: 'same', fleet: fleet('Fleet', stack, { fleetName: 'same' }) });
  });

  test('associates an imported fleet by its name', () => {
    appStack({ fleet: Fleet.fromFleetName(stack, 'F', 'legacy') });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: 'legacy' });
  });

  test('a fleet in another CloudFormation stack of the same environment: the association waits for that stack', () => {
    const other = new CdkStack(app, 'Other');
    const f = fleet('Fleet', other);
    appStack({ fleet: f });
    const assembly = app.synth();
    expect(assembly.getStackByName('Stack').dependencies.map((d) => d.id)).toContain('Other');
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: { 'Fn::ImportValue': Match.anyValue() } });
  });

  test('fails a second fleet, in AppStream\'s words', () => {
    const s = appStack({ fleet: fleet() });
    expect(() => s.associateFleet(fleet('Second'))).toThrow(
      /^Stack 'Stack\/AppStack': fleet "Stack\/Second" cannot be associated: the stack already has fleet 'Stack\/Fleet', and AppStream's association "cannot be performed on a stack that already has an associated fleet"/);
  });

  test('fails a fleet of another region, and one imported by an ARN of another account', () => {
    const here = new CdkStack(app, 'Here', { env: { account: '111111111111', region: 'us-east-1' } });
    const there = new CdkStack(app, 'There', { env: { account: '111111111111', region: 'eu-west-1' } });
    const s = new Stack(here, 'S');
    expect(() => s.associateFleet(fleet('F', there))).toThrow(/fleet "There\/F" is in region eu-west-1, but the stack is in region us-east-1: a stack streams only from a fleet of its own account and region/);
    const imported = Fleet.fromFleetArn(here, 'I', 'arn:aws:appstream:us-east-1:222222222222:fleet/theirs');
    expect(() => new Stack(here, 'T', { fleet: imported })).toThrow(/fleet "Here\/I" is in account 222222222222, but the stack is in account 111111111111/);
  });

  test('an imported fleet of the same environment is accepted', () => {
    const here = new CdkStack(app, 'Here', { env: { account: '111111111111', region: 'us-east-1' } });
    new Stack(here, 'S', { fleet: Fleet.fromFleetArn(here, 'I', 'arn:aws:appstream:us-east-1:111111111111:fleet/mine') });
  });
});

describe('attributes, imports and grants', () => {
  test('name and ARN', () => {
    const s = appStack({ stackName: 'my-stack' });
    expect(stack.resolve(s.stackArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':stack/', { Ref: expect.stringMatching(/^AppStack/) }]] });
  });

  test('fromStackName and fromStackArn', () => {
    const byName = Stack.fromStackName(stack, 'N', 'legacy');
    expect(byName.stackName).toBe('legacy');
    const byArn = Stack.fromStackArn(stack, 'A', 'arn:aws:appstream:eu-west-1:123456789012:stack/shared');
    expect(byArn.stackName).toBe('shared');
    expect(byArn.env).toEqual({ account: '123456789012', region: 'eu-west-1' });
    const byToken = Stack.fromStackName(stack, 'T', param('StackName'));
    expect(Token.isUnresolved(byToken.stackName)).toBe(true);
  });

  test('isStack tells AppStream stacks from CloudFormation stacks', () => {
    expect(Stack.isStack(appStack())).toBe(true);
    expect(Stack.isStack(stack)).toBe(false);
    expect(Stack.isStack(Stack.fromStackName(stack, 'N', 'x'))).toBe(false);
    expect(Stack.isStack(undefined)).toBe(false);
  });

  test('grantCreateStreamingUrl gives CreateStreamingURL on the stack and on its fleet', () => {
    const f = fleet();
    const s = appStack({ fleet: f });
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.AccountRootPrincipal() });
    s.grantCreateStreamingUrl(portal);
    s.grant(portal, 'appstream:DescribeStacks');
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([
      { Action: 'appstream:CreateStreamingURL', Effect: 'Allow', Resource: [stack.resolve(s.stackArn), stack.resolve(f.fleetArn)] },
      { Action: 'appstream:DescribeStacks', Effect: 'Allow', Resource: stack.resolve(s.stackArn) },
    ]);
    expect(warnings()).toEqual([]);
  });

  test('grantCreateStreamingUrl warns when the fleet joins a domain', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
    const f = fleet('Fleet', stack, { vpc, domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com') } });
    const s = appStack({ fleet: f });
    s.grantCreateStreamingUrl(new iam.Role(stack, 'Portal', { assumedBy: new iam.AccountRootPrincipal() }));
    expect(warnings()).toEqual([expect.stringMatching(/fleet 'Stack\/Fleet' joins an Active Directory domain, and streaming URLs do not work.*\[ack: cdk-appstream:stack:streamingUrlWithDomainJoin\]/)]);
  });

  test('fails grantCreateStreamingUrl before the stack has a fleet', () => {
    expect(() => appStack().grantCreateStreamingUrl(new iam.AccountRootPrincipal())).toThrow(/grantCreateStreamingUrl\(\) needs the stack's fleet.*call associateFleet\(\) before/);
  });
});

describe('rules', () => {
  test('fails a stack name with a space, and one used twice', () => {
    expect(() => appStack({ stackName: 'my stack' })).toThrow(/^Stack 'Stack\/AppStack': stackName "my stack" must be 1 to 101 characters/);
    appStack({ stackName: 'same' }, 'A');
    expect(() => appStack({ stackName: 'same' }, 'B')).toThrow(/stackName "same" is already used by 'Stack\/A'/);
  });

  test('display name and description: accept their maxima, fail past them', () => {
    appStack({ displayName: 'd'.repeat(100), description: 'd'.repeat(256) }, 'A');
    expect(() => appStack({ displayName: 'd'.repeat(101) }, 'B')).toThrow(/displayName/);
    expect(() => appStack({ description: 'd'.repeat(257) }, 'C')).toThrow(/description/);
  });

  describe('userSettings', () => {
    test('accept every action once, and both clipboard maxima at their limits', () => {
      appStack({
        userSettings: [
          UserSetting.enable(UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE, { maximumLength: 1 }),
          UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 20_971_520 }),
          ...[UserAction.FILE_UPLOAD, UserAction.FILE_DOWNLOAD, UserAction.PRINTING_TO_LOCAL_DEVICE, UserAction.DOMAIN_PASSWORD_SIGNIN,
            UserAction.DOMAIN_SMART_CARD_SIGNIN, UserAction.AUTO_TIME_ZONE_REDIRECTION].map((a) => UserSetting.disable(a)),
        ],
      });
      expect(stackProps().UserSettings).toHaveLength(8);
    });
    test('fails an action twice', () => {
      expect(() => appStack({ userSettings: [UserSetting.enable(UserAction.FILE_UPLOAD), UserSetting.disable(UserAction.of('FILE_UPLOAD'))] }))
        .toThrow(/userSettings\[1\] "FILE_UPLOAD" repeats the action of userSettings\[0\]/);
    });
    test('fails a maximum length on an action that is not a clipboard copy', () => {
      expect(() => appStack({ userSettings: [UserSetting.enable(UserAction.FILE_UPLOAD, { maximumLength: 10 })] }))
        .toThrow(/userSettings\[0\].maximumLength 10 is only for the clipboard actions \(CLIPBOARD_COPY_FROM_LOCAL_DEVICE, CLIPBOARD_COPY_TO_LOCAL_DEVICE\), not FILE_UPLOAD/);
    });
    test('warns for a maximum length of 0 and one over 20 MB (only the docs give the range; the model takes any integer)', () => {
      appStack({ userSettings: [UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 0 })] }, 'A');
      appStack({ userSettings: [UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 20_971_521 })] }, 'B');
      expect(warnings()).toEqual([
        expect.stringMatching(/^Stack 'Stack\/A': userSettings\[0\].maximumLength 0 is outside the range the AppStream docs give, 1 to 20971520 .*\[ack: cdk-appstream:stack:maximumLengthRange\]/),
        expect.stringMatching(/^Stack 'Stack\/B': userSettings\[0\].maximumLength 20971521 is outside the range/),
      ]);
    });
    test('fails a maximum length that is not a whole number (the model: an integer)', () => {
      expect(() => appStack({ userSettings: [UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 1.5 })] }))
        .toThrow(/maximumLength 1.5 must be a whole number from 1 to 20971520/);
    });
    test('fails a maximum length with DISABLED (a setting built by hand in plain JavaScript)', () => {
      const setting = Object.assign(Object.create(UserSetting.prototype), { action: UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, permission: 'DISABLED', maximumLength: 5 });
      expect(() => appStack({ userSettings: [setting] })).toThrow(/maximumLength 5 cannot be given with permission DISABLED/);
    });
    test('fails an empty list and an empty entry', () => {
      expect(() => appStack({ userSettings: [] }, 'A')).toThrow(/userSettings must have at least 1 setting \(it has 0\)\. .*leave userSettings out/);
      expect(() => appStack({ userSettings: [null as any] }, 'B')).toThrow(/userSettings\[0\] is required\. Use UserSetting\.disable\(\), UserSetting\.enable\(\)/);
    });
    test('an action the library does not list warns; of() fails an empty name', () => {
      // Read from the construct's metadata, not a synthesized template: cfn-lint rightly refuses the action.
      const s = appStack({ userSettings: [UserSetting.enable(UserAction.of('SCREEN_RECORDING'))] });
      expect(s.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data))).toEqual([expect.stringMatching(/action 'SCREEN_RECORDING' is not one of the actions this library knows.*cdk-appstream:stack:unknownUserAction/)]);
      expect(() => UserAction.of('')).toThrow(/UserAction.of\(\): action "" must not be empty/);
    });
  });

  describe('storageConnectors', () => {
    test('accept 50 domains of 64 characters', () => {
      appStack({ storageConnectors: [StorageConnector.oneDrive(Array.from({ length: 50 }, (_, i) => `${i}`.padStart(64, 'd')))] });
    });
    test('fail a connector type twice', () => {
      expect(() => appStack({ storageConnectors: [StorageConnector.oneDrive(['a.com']), StorageConnector.oneDrive(['b.com'])] }))
        .toThrow(/storageConnectors\[1\] "ONE_DRIVE" repeats the connector type of storageConnectors\[0\]/);
    });
    test('fail domains on home folders, 51 domains, an empty domain and one of 65 characters', () => {
      expect(() => appStack({ storageConnectors: [StorageConnector.of('HOMEFOLDERS', ['example.com'])] }, 'A'))
        .toThrow(/storageConnectors\[0\].domains are only for GOOGLE_DRIVE and ONE_DRIVE connectors, not HOMEFOLDERS/);
      expect(() => appStack({ storageConnectors: [StorageConnector.googleDrive(Array.from({ length: 51 }, (_, i) => `d${i}.com`))] }, 'B'))
        .toThrow(/storageConnectors\[0\].domains must have at most 50 domains/);
      expect(() => appStack({ storageConnectors: [StorageConnector.googleDrive([''])] }, 'C')).toThrow(/storageConnectors\[0\].domains\[0\] "" must not be empty/);
      expect(() => appStack({ storageConnectors: [StorageConnector.googleDrive(['d'.repeat(65)])] }, 'D')).toThrow(/must be at most 64 characters/);
    });
    test('fail an unknown connector type', () => {
      expect(() => appStack({ storageConnectors: [StorageConnector.of('DROPBOX')] })).toThrow(/storageConnectors\[0\].connectorType "DROPBOX" is not a connector type/);
    });
  });

  describe('applicationSettings, embedHostDomains and URLs', () => {
    test('accept a settings group of 100 characters, 20 embed domains and URLs of 1000 characters', () => {
      appStack({
        applicationSettings: { settingsGroup: 'g'.repeat(100) },
        embedHostDomains: Array.from({ length: 20 }, (_, i) => `portal${i}.example.com`),
        redirectUrl: `https://example.com/${'a'.repeat(980)}`,
      });
    });
    test('fail a settings group of 101 characters', () => {
      expect(() => appStack({ applicationSettings: { settingsGroup: 'g'.repeat(101) } })).toThrow(/applicationSettings.settingsGroup .* must be at most 100 characters/);
    });
    test('fail an uppercase embed domain (cfn-lint refuses it), a URL as a domain, 21 domains and an empty list', () => {
      expect(() => appStack({ embedHostDomains: ['Portal.Example.com'] }, 'A')).toThrow(/embedHostDomains\[0\] "Portal.Example.com" must be a lowercase domain name .*\(portal.example.com\)/);
      // A lowercase value that breaks the pattern is not offered a lowercase version of itself.
      expect(() => appStack({ embedHostDomains: ['https://portal.example.com'] }, 'B')).toThrow(/embedHostDomains\[0\] .*\. Give a lowercase domain name, without scheme or path, such as portal\.example\.com\.$/);
      expect(() => appStack({ embedHostDomains: Array.from({ length: 21 }, (_, i) => `p${i}.example.com`) }, 'C')).toThrow(/embedHostDomains must have at most 20 domains/);
      expect(() => appStack({ embedHostDomains: [] }, 'D')).toThrow(/embedHostDomains must have at least 1 domain/);
    });
    test('accept a scheme in any case and a mailto: feedback link, without a warning', () => {
      appStack({ redirectUrl: 'HTTPS://portal.example.com/bye', feedbackUrl: 'mailto:desk@example.com' });
      expect(stackProps()).toMatchObject({ RedirectURL: 'HTTPS://portal.example.com/bye', FeedbackURL: 'mailto:desk@example.com' });
      expect(warnings()).toEqual([]);
    });
    test('warn for a URL without a scheme (the model only limits the length); fail one of 1001 characters', () => {
      appStack({ redirectUrl: 'portal.example.com' }, 'A');
      expect(warnings()).toEqual([expect.stringMatching(/redirectUrl "portal.example.com" is not an http:\/\/ or https:\/\/ URL.*\[ack: cdk-appstream:stack:urlFormat\]/)]);
      expect(() => appStack({ feedbackUrl: `https://example.com/${'a'.repeat(981)}` }, 'B')).toThrow(/feedbackUrl .* must be at most 1000 characters/);
    });
  });

  describe('accessEndpoints and tags', () => {
    test('fail 5 endpoints and a reserved tag key', () => {
      expect(() => appStack({ accessEndpoints: Array.from({ length: 5 }, () => AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')) }, 'A'))
        .toThrow(/^Stack 'Stack\/A': accessEndpoints must have at most 4/);
      expect(() => appStack({ tags: { 'aws:x': 'y' } }, 'B')).toThrow(/^Stack 'Stack\/B': tag key "aws:x"/);
    });
  });

  test('a preferred protocol warns in a region whose CloudFormation lacks it', () => {
    const west = new CdkStack(app, 'West', { env: { region: 'us-west-1' } });
    new Stack(west, 'S', { preferredProtocol: StreamingProtocol.TCP });
    expect(warnings(west)).toEqual([expect.stringMatching(/AWS::AppStream::Stack.StreamingExperienceSettings.*cdk-appstream:stack:propertyNotInRegion/)]);
  });

  test('tokens are passed through unchecked', () => {
    appStack({
      stackName: param('Name'),
      embedHostDomains: [param('Domain')],
      redirectUrl: param('Url'),
      userSettings: [UserSetting.enable(UserAction.of(param('Action')), { maximumLength: Token.asNumber(new CfnParameter(stack, 'Max', { type: 'Number' })) })],
      storageConnectors: [StorageConnector.oneDrive([param('OneDriveDomain')])],
    });
    expect(stackProps()).toMatchObject({ Name: { Ref: 'Name' }, EmbedHostDomains: [{ Ref: 'Domain' }], RedirectURL: { Ref: 'Url' } });
  });
});

describe('storage connector resource identifiers and disabled application settings', () => {
  test('a connector carries its ResourceIdentifier', () => {
    const drive = StorageConnector.oneDrive(['corp.example.com']).withResourceIdentifier('arn:aws:s3:::my-home-folders');
    expect(drive.domains).toEqual(['corp.example.com']);
    appStack({ storageConnectors: [StorageConnector.homeFolders().withResourceIdentifier('home-1'), drive] });
    expect(stackProps().StorageConnectors).toEqual([
      { ConnectorType: 'HOMEFOLDERS', ResourceIdentifier: 'home-1' },
      { ConnectorType: 'ONE_DRIVE', Domains: ['corp.example.com'], ResourceIdentifier: 'arn:aws:s3:::my-home-folders' },
    ]);
  });

  test('accepts an identifier of 2048 characters, and a token', () => {
    appStack({ storageConnectors: [StorageConnector.homeFolders().withResourceIdentifier('a'.repeat(2048))] }, 'A');
    appStack({ storageConnectors: [StorageConnector.homeFolders().withResourceIdentifier(param('Id'))] }, 'B');
  });

  test('fails an empty identifier and one of 2049 characters', () => {
    expect(() => appStack({ storageConnectors: [StorageConnector.homeFolders().withResourceIdentifier('')] }, 'A'))
      .toThrow(/^Stack 'Stack\/A': storageConnectors\[0\].resourceIdentifier "" must not be empty. Give an identifier of 1 to 2048 characters, or leave it out\.$/);
    expect(() => appStack({ storageConnectors: [StorageConnector.googleDrive(['example.com']).withResourceIdentifier('a'.repeat(2049))] }, 'B'))
      .toThrow(/storageConnectors\[0\].resourceIdentifier .* \(2049 characters\)/);
  });

  test('application settings written disabled: Enabled false, as the API allows', () => {
    appStack({ applicationSettings: { enabled: false } });
    expect(stackProps().ApplicationSettings).toEqual({ Enabled: false });
  });

  test('application settings are enabled by default, and with enabled: true', () => {
    appStack({ applicationSettings: { settingsGroup: 'finance' } }, 'A');
    appStack({ applicationSettings: { enabled: true } }, 'B');
    const all = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Stack')).map((r) => r.Properties.ApplicationSettings);
    expect(all).toEqual([{ Enabled: true, SettingsGroup: 'finance' }, { Enabled: true }]);
  });
});
