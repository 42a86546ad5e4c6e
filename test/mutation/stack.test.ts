/**
 * The AppStream stack's own logic, lib/stack.ts, lib/user-setting.ts and lib/storage-connector.ts
 * (issue 14): user settings, storage connectors, embed domains, URLs, the fleet association and the
 * streaming-URL grant, each message whole.
 */
import { App, CfnParameter, Stack as CdkStack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  DirectoryConfig, Fleet, Image, InstanceType, Stack, StackProps, StorageConnector, StreamingProtocol, UserAction, UserSetting,
} from '../../lib';

let stack: CdkStack;
beforeEach(() => {
  stack = new CdkStack(new App(), 'Stack');
});

function appStack(props: StackProps = {}, id = 'S', scope: CdkStack = stack): Stack {
  return new Stack(scope, id, props);
}
function stackProps(scope: CdkStack = stack): Record<string, any> {
  return Object.values(Template.fromStack(scope).findResources('AWS::AppStream::Stack'))[0].Properties;
}
function warnings(scope: CdkStack = stack): string[] {
  return Annotations.fromStack(scope).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}
function fleet(id = 'Fleet', scope: CdkStack = stack, props: Record<string, unknown> = {}): Fleet {
  return new Fleet(scope, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, ...props });
}

describe('user settings', () => {
  test('rendered with their permission and maximum length', () => {
    appStack({
      userSettings: [
        UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 1 }),
        UserSetting.disable(UserAction.FILE_DOWNLOAD),
        UserSetting.enable(UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE, { maximumLength: 20971520 }),
      ],
    });
    expect(stackProps().UserSettings).toEqual([
      { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'ENABLED', MaximumLength: 1 },
      { Action: 'FILE_DOWNLOAD', Permission: 'DISABLED' },
      { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', Permission: 'ENABLED', MaximumLength: 20971520 },
    ]);
    expect(warnings()).toEqual([]);
  });

  test('each problem, named by its index', () => {
    expect(() => appStack({ userSettings: [UserSetting.disable(UserAction.FILE_UPLOAD), UserSetting.enable(UserAction.FILE_UPLOAD)] }, 'A'))
      .toThrow("Stack 'Stack/A': userSettings[1] \"FILE_UPLOAD\" repeats the action of userSettings[0]. Give each action at most one setting.");
    expect(() => appStack({ userSettings: [UserSetting.enable(UserAction.FILE_UPLOAD, { maximumLength: 5 })] }, 'B'))
      .toThrow("Stack 'Stack/B': userSettings[0].maximumLength 5 is only for the clipboard actions (CLIPBOARD_COPY_FROM_LOCAL_DEVICE, CLIPBOARD_COPY_TO_LOCAL_DEVICE), not FILE_UPLOAD. Leave maximumLength out for this action.");
    appStack({ userSettings: [UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 20971521 })] }, 'C');
    expect(Annotations.fromStack(stack).findWarning('/Stack/C', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      "Stack 'Stack/C': userSettings[0].maximumLength 20971521 is outside the range the AppStream docs give, 1 to 20971520 (AWS may refuse it at deployment). Give a whole number of characters from 1 to 20971520 (20 MB). [ack: cdk-appstream:stack:maximumLengthRange]",
    ]);
    expect(() => appStack({ userSettings: [UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 2.5 })] }, 'C2'))
      .toThrow("Stack 'Stack/C2': userSettings[0].maximumLength 2.5 must be a whole number from 1 to 20971520. Give a whole number of characters from 1 to 20971520 (20 MB).");
    expect(() => appStack({ userSettings: [null as any] }, 'D')).toThrow("Stack 'Stack/D': userSettings[0] is required. Use UserSetting.disable(), UserSetting.enable().");
    expect(() => appStack({ userSettings: [{} as any] }, 'E')).toThrow("Stack 'Stack/E': userSettings[0] {} must be a UserSetting, not an object (it has no action, permission). Use UserSetting.disable(), UserSetting.enable().");
    expect(() => appStack({ userSettings: [] }, 'F'))
      .toThrow("Stack 'Stack/F': userSettings must have at least 1 setting (it has 0). Give at least one setting, or leave userSettings out (every action is then enabled).");
    const disabledWithLength = { action: UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, permission: 'DISABLED', maximumLength: 5 } as any;
    expect(() => appStack({ userSettings: [disabledWithLength] }, 'G'))
      .toThrow("Stack 'Stack/G': userSettings[0].maximumLength 5 cannot be given with permission DISABLED. Leave maximumLength out, or enable the action.");
  });

  test('an unknown action warns, with every known one listed; a token action is not judged', () => {
    // read from the metadata: a template with an unknown action is one cfn-lint refuses (E3030)
    const token = UserAction.of(new CfnParameter(stack, 'A').valueAsString);
    const s = appStack({ userSettings: [UserSetting.enable(UserAction.of('NEW_ACTION')), UserSetting.enable(token, { maximumLength: 3 })] });
    expect(s.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data))).toEqual([
      "userSettings[0]: action 'NEW_ACTION' is not one of the actions this library knows (CLIPBOARD_COPY_FROM_LOCAL_DEVICE, CLIPBOARD_COPY_TO_LOCAL_DEVICE, FILE_UPLOAD, FILE_DOWNLOAD, PRINTING_TO_LOCAL_DEVICE, DOMAIN_PASSWORD_SIGNIN, DOMAIN_SMART_CARD_SIGNIN, AUTO_TIME_ZONE_REDIRECTION); check the name (AppStream rejects unknown actions at deployment) or ignore this if AWS has added it since. [ack: cdk-appstream:stack:unknownUserAction]",
    ]);
  });

  test('UserAction.of refuses an empty or non-string name, and keeps a token', () => {
    expect(() => UserAction.of(5 as any)).toThrow('UserAction.of(): name 5 must be a string, not a number. Give a string (the action, as the API names it, for example FILE_UPLOAD).');
    expect(UserAction.of('X').toString()).toBe('X');
    const t = Token.asString({ Ref: 'A' });
    expect(UserAction.of(t).name).toBe(t);
    expect(UserSetting.enable(UserAction.FILE_UPLOAD, undefined).maximumLength).toBeUndefined();
    expect(UserSetting.enable(UserAction.FILE_UPLOAD, { maximumLength: null as any }).maximumLength).toBeUndefined();
  });
});

describe('storage connectors', () => {
  test('rendered, with domains only where given; an empty list is not written', () => {
    appStack({ storageConnectors: [StorageConnector.homeFolders(), StorageConnector.oneDrive(['example.com']), StorageConnector.googleDrive([])] }, 'A');
    expect(stackProps().StorageConnectors).toEqual([
      { ConnectorType: 'HOMEFOLDERS' },
      { ConnectorType: 'ONE_DRIVE', Domains: ['example.com'] },
      { ConnectorType: 'GOOGLE_DRIVE' },
    ]);
    const s2 = new CdkStack(new App(), 'S2');
    appStack({ storageConnectors: [] }, 'B', s2);
    expect(stackProps(s2).StorageConnectors).toBeUndefined();
    expect(StorageConnector.of('HOMEFOLDERS', null as any).domains).toBeUndefined();
  });

  test('each problem, named by its index', () => {
    expect(() => appStack({ storageConnectors: [StorageConnector.oneDrive(), StorageConnector.oneDrive()] }, 'A'))
      .toThrow("Stack 'Stack/A': storageConnectors[1] \"ONE_DRIVE\" repeats the connector type of storageConnectors[0]. Give at most one connector of each type (list all domains in one).");
    expect(() => appStack({ storageConnectors: [StorageConnector.of('DROPBOX')] }, 'B'))
      .toThrow("Stack 'Stack/B': storageConnectors[0].connectorType \"DROPBOX\" is not a connector type (HOMEFOLDERS, GOOGLE_DRIVE, ONE_DRIVE). Use StorageConnector.homeFolders(), StorageConnector.googleDrive() or StorageConnector.oneDrive().");
    expect(() => appStack({ storageConnectors: [StorageConnector.of('HOMEFOLDERS', ['example.com'])] }, 'C'))
      .toThrow("Stack 'Stack/C': storageConnectors[0].domains are only for GOOGLE_DRIVE and ONE_DRIVE connectors, not HOMEFOLDERS. Leave the domains out.");
    expect(() => appStack({ storageConnectors: [{} as any] }, 'D'))
      .toThrow("Stack 'Stack/D': storageConnectors[0] {} must be a StorageConnector, not an object (it has no connectorType, withResourceIdentifier). Use StorageConnector.googleDrive(), StorageConnector.homeFolders(), StorageConnector.of(), StorageConnector.oneDrive().");
    expect(() => appStack({ storageConnectors: [StorageConnector.oneDrive(Array.from({ length: 51 }, (_, i) => `d${i}.com`))] }, 'E'))
      .toThrow("Stack 'Stack/E': storageConnectors[0].domains must have at most 50 domains (it has 51). Give at most 50 domains.");
    expect(() => appStack({ storageConnectors: [StorageConnector.oneDrive(['a.com', 'x'.repeat(65)])] }, 'F'))
      .toThrow(/^Stack 'Stack\/F': storageConnectors\[0\]\.domains\[1\] "x+" must be at most 64 characters long \(it is 65\)\. Give a domain of 1 to 64 characters, such as example.com\.$/);
    expect(() => appStack({ storageConnectors: [StorageConnector.oneDrive(Array.from({ length: 50 }, (_, i) => `d${i}.com`))] }, 'G')).not.toThrow();
  });

  test('a token connector type is not judged', () => {
    const t = Token.asString({ Ref: 'T' });
    expect(() => appStack({ storageConnectors: [StorageConnector.of(t, ['a.com']), StorageConnector.of(t)] })).not.toThrow();
  });
});

describe('embed host domains, URLs, settings, protocol', () => {
  test('embed domains: 1 to 20, lowercase, with the lowercase spelling in the fix', () => {
    appStack({ embedHostDomains: ['portal.example.com'] }, 'A');
    expect(stackProps().EmbedHostDomains).toEqual(['portal.example.com']);
    expect(() => appStack({ embedHostDomains: ['Portal.Example.com'] }, 'B'))
      .toThrow(/^Stack 'Stack\/B': embedHostDomains\[0\] "Portal.Example.com" must be a lowercase domain name such as portal.example.com \(pattern .*\): character 1 'P' is not allowed\. Give a lowercase domain name \(portal.example.com\), without scheme or path, such as portal.example.com\.$/);
    expect(() => appStack({ embedHostDomains: ['https://x'] }, 'C'))
      .toThrow(/\. Give a lowercase domain name, without scheme or path, such as portal.example.com\.$/);
    expect(() => appStack({ embedHostDomains: [] }, 'D'))
      .toThrow("Stack 'Stack/D': embedHostDomains must have at least 1 domain (it has 0). Give 1 to 20 domains, or leave embedHostDomains out.");
  });

  test('URLs in another form than http(s) (or mailto: for feedback) warn, with the fix', () => {
    appStack({ redirectUrl: 'portal.example.com', feedbackUrl: 'desk@example.com' }, 'A');
    expect(Annotations.fromStack(stack).findWarning('/Stack/A', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      expect.stringMatching(/^Stack 'Stack\/A': redirectUrl "portal.example.com" is not an http:\/\/ or https:\/\/ URL without spaces \(pattern .*\), as the AppStream docs ask \(AWS may refuse it at deployment\)\. Give a URL such as https:\/\/portal.example.com\/done\. \[ack: cdk-appstream:stack:urlFormat\]$/),
      expect.stringMatching(/^Stack 'Stack\/A': feedbackUrl "desk@example.com" is not an http:\/\/, https:\/\/ or mailto: URL without spaces \(pattern .*\), .* Give a URL such as https:\/\/portal.example.com\/feedback or mailto:desk@example.com\. \[ack: cdk-appstream:stack:urlFormat\]$/),
    ]);
  });
  test('URLs: their length, with the fix; a settings group; a protocol', () => {
    expect(() => appStack({ feedbackUrl: `https://x/${'a'.repeat(991)}` }, 'B')).toThrow(/^Stack 'Stack\/B': feedbackUrl .* must be at most 1000 characters long \(it is 1001\)\. Shorten it\.$/);
    appStack({ redirectUrl: 'http://a.example.com', feedbackUrl: 'https://b.example.com/x', applicationSettings: { settingsGroup: 'g' }, preferredProtocol: StreamingProtocol.UDP }, 'C');
    expect(stackProps()).toMatchObject({
      RedirectURL: 'http://a.example.com',
      FeedbackURL: 'https://b.example.com/x',
      ApplicationSettings: { Enabled: true, SettingsGroup: 'g' },
      StreamingExperienceSettings: { PreferredProtocol: 'UDP' },
    });
    expect(() => appStack({ applicationSettings: { settingsGroup: 'g'.repeat(101) } }, 'D')).toThrow(/applicationSettings.settingsGroup "g+…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Shorten it\./);
    expect(() => appStack({ preferredProtocol: 'QUIC' as any }, 'E')).toThrow("Stack 'Stack/E': preferredProtocol \"QUIC\" must be a member of StreamingProtocol (TCP, UDP). Use StreamingProtocol.TCP or another member of StreamingProtocol (the protocol sessions prefer).");
  });

  test('application settings without a group; no protocol, no settings', () => {
    appStack({ applicationSettings: { settingsGroup: null as any } });
    expect(stackProps().ApplicationSettings).toEqual({ Enabled: true });
    expect(stackProps().StreamingExperienceSettings).toBeUndefined();
  });

  test('a preferred protocol warns in a region whose CloudFormation lacks it, and only then', () => {
    const quiet = new CdkStack(new App(), 'Q', { env: { region: 'us-east-1' } });
    appStack({}, 'S', quiet);
    expect(warnings(quiet)).toEqual([]);
  });
});

describe('the fleet', () => {
  test('one fleet: the association refers to both (no DependsOn); a second fails', () => {
    const s = appStack({ stackName: 'st' });
    const f = fleet();
    s.associateFleet(f);
    expect(s.fleet).toBe(f);
    const assoc = Object.entries(Template.fromStack(stack).findResources('AWS::AppStream::StackFleetAssociation'));
    expect(assoc).toHaveLength(1);
    const [fleetId, stackId] = [f, s].map((c) => stack.getLogicalId(c.node.defaultChild as any));
    expect(assoc[0][1].Properties).toEqual({ FleetName: { Ref: fleetId }, StackName: { Ref: stackId } });
    expect(assoc[0][1].DependsOn).toBeUndefined();
    expect(() => s.associateFleet(fleet('Other')))
      .toThrow("Stack 'Stack/S': fleet \"Stack/Other\" cannot be associated: the stack already has fleet 'Stack/Fleet', and AppStream's association \"cannot be performed on a stack that already has an associated fleet\" (a stack has at most 1 fleet (it has 2)). Define another Stack for the second fleet.");
  });

  test('an imported fleet: no dependency on it', () => {
    const s = appStack({ fleet: Fleet.fromFleetName(stack, 'Imp', 'other') });
    const [assoc] = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::StackFleetAssociation'));
    expect(assoc.DependsOn).toBeUndefined();
    expect(assoc.Properties).toEqual({ FleetName: 'other', StackName: { Ref: stack.getLogicalId(s.node.defaultChild as any) } });
  });

  test('a fleet of another account or region fails; what is not a fleet fails', () => {
    const app = new App();
    const here = new CdkStack(app, 'Here', { env: { account: '123456789012', region: 'us-east-1' } });
    const s = appStack({}, 'S', here);
    expect(() => s.associateFleet(Fleet.fromFleetArn(here, 'F1', 'arn:aws:appstream:eu-west-1:123456789012:fleet/x')))
      .toThrow("Stack 'Here/S': fleet \"Here/F1\" is in region eu-west-1, but the stack is in region us-east-1: a stack streams only from a fleet of its own account and region. Associate a fleet of region us-east-1.");
    expect(() => s.associateFleet(Fleet.fromFleetArn(here, 'F2', 'arn:aws:appstream:us-east-1:210987654321:fleet/x')))
      .toThrow(/fleet "Here\/F2" is in account 210987654321, but the stack is in account 123456789012: .* Associate a fleet of account 123456789012\.$/);
    expect(() => s.associateFleet('x' as any))
      .toThrow("Stack 'Here/S': associateFleet(fleet) \"x\" must be an IFleet, not a string. Give an ElasticFleet or a Fleet, defined here or imported with its from… methods (the fleet).");
    expect(() => s.associateFleet({ fleetName: 'x' } as any)).toThrow('Stack \'Here/S\': associateFleet(fleet) {"fleetName":"x"} must be an IFleet, not an object (it has no fleetArn, grant, grantStartStop). Give an ElasticFleet or a Fleet, defined here or imported with its from… methods (the fleet).');
    expect(() => appStack({}, 'Agnostic').associateFleet(Fleet.fromFleetArn(stack, 'F3', 'arn:aws:appstream:eu-west-1:123456789012:fleet/x'))).not.toThrow();
  });

  test('grantCreateStreamingUrl: on the stack and its fleet; without a fleet, a message', () => {
    const s = appStack({ stackName: 'st' });
    const role = new iam.Role(stack, 'User', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => s.grantCreateStreamingUrl(role))
      .toThrow("Stack 'Stack/S': grantCreateStreamingUrl() needs the stack's fleet, which CreateStreamingURL names too. Give fleet in the props, or call associateFleet() before grantCreateStreamingUrl().");
    s.associateFleet(fleet('F', stack, { fleetName: 'fl' }));
    s.grantCreateStreamingUrl(role);
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    const [statement] = policy.Properties.PolicyDocument.Statement;
    expect(statement.Action).toBe('appstream:CreateStreamingURL');
    const refs = [s, s.fleet!].map((c) => ({ Ref: stack.getLogicalId(c.node.defaultChild as any) }));
    expect(JSON.stringify(statement.Resource)).toContain(`:stack/",${JSON.stringify(refs[0])}`);
    expect(JSON.stringify(statement.Resource)).toContain(`:fleet/",${JSON.stringify(refs[1])}`);
    expect(warnings()).toEqual([]);
  });

  test('grantCreateStreamingUrl warns for a domain-joined fleet', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
    const f = fleet('F', stack, { vpc, domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com') } });
    const s = appStack({ fleet: f });
    s.grantCreateStreamingUrl(new iam.Role(stack, 'User', { assumedBy: new iam.AccountRootPrincipal() }));
    expect(warnings()).toEqual([
      "grantCreateStreamingUrl(): fleet 'Stack/F' joins an Active Directory domain, and streaming URLs do not work with domain-joined fleets (users sign in through SAML 2.0 instead). Use SAML federation, or a fleet without domainJoin. [ack: cdk-appstream:stack:streamingUrlWithDomainJoin]",
    ]);
  });
});
