import { App, CfnParameter, SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AppBlock, AppBlockPackaging, Application, AppVisibility, DirectoryConfig, Entitlement, EntitlementAttribute, Fleet, FleetPlatform, Image,
  InstanceFamily, InstanceType, S3Location, SamlAttribute, ServiceAccountCredentials, Stack as AppStreamStack, StreamView, User, UserProps,
} from '../lib';

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
});

const js = (x: unknown) => x as any;

function user(props: Partial<UserProps> = {}, id = 'Alice'): User {
  return new User(stack, id, { email: 'alice@example.com', ...props });
}

function warnings(): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

function domainFleet(): Fleet {
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const directory = new DirectoryConfig(stack, 'Directory', {
    directoryName: 'corp.example.com',
    organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
    serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.unsafePlainText('x')),
  });
  return new Fleet(stack, 'Fleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, vpc, domainJoin: { directory } });
}

function application(id = 'App', platforms = [FleetPlatform.WINDOWS_SERVER_2019]): Application {
  const bucket = new s3.Bucket(stack, `${id}Bucket`);
  const block = new AppBlock(stack, `${id}Block`, {
    source: S3Location.fromBucket(bucket, 'apps/app.vhdx'),
    packaging: AppBlockPackaging.appStream2(),
  });
  return new Application(stack, id, {
    appBlock: block,
    launchPath: 'C:\\app.exe',
    icon: S3Location.fromBucket(bucket, 'icons/app.png'),
    platforms,
    instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
  });
}

describe('User', () => {
  test('defines a user-pool user; the welcome email is AppStream\'s default', () => {
    user({ firstName: 'Alice', lastName: 'Liddell' });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::User', {
      UserName: 'alice@example.com', AuthenticationType: 'USERPOOL', FirstName: 'Alice', LastName: 'Liddell', MessageAction: Match.absent(),
    });
  });

  test('sendWelcomeEmail false renders MessageAction SUPPRESS', () => {
    user({ sendWelcomeEmail: false });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::User', { MessageAction: 'SUPPRESS' });
  });

  test('warns that the email lands in the template', () => {
    user();
    expect(warnings().join('\n')).toMatch(/email "alice@example.com" is written into the CloudFormation template.*\[ack: cdk-appstream:user:emailInTemplate\]/);
  });

  test('an email from a parameter is not judged, and not warned about', () => {
    user({ email: new CfnParameter(stack, 'Email').valueAsString });
    expect(warnings().join('\n')).not.toMatch(/emailInTemplate/);
  });

  test('fails an email that is not an address', () => {
    expect(() => user({ email: 'alice' })).toThrow(/User 'Stack\/Alice': email "alice" must be an email address such as alice@example.com .*Give the user's email address/);
  });

  test('fails an email longer than 128 characters', () => {
    expect(() => user({ email: `${'a'.repeat(120)}@example.com` })).toThrow(/email .* must be at most 128 characters long/);
  });

  test('fails a missing email', () => {
    expect(() => new User(stack, 'U', js({}))).toThrow(/User 'Stack\/U': email is required/);
  });

  test('accepts names of ASCII letters, digits, _, - and spaces', () => {
    user({ firstName: 'Mary-Ann', lastName: 'O Brien_2' });
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::User', 1);
  });

  test('fails a name with an accent, naming the character', () => {
    expect(() => user({ firstName: 'José' })).toThrow(/firstName "José" must be ASCII letters.*: character 4 'é' \(U\+00E9\) is not allowed\./);
  });

  test('fails a last name with an apostrophe', () => {
    expect(() => user({ lastName: "O'Brien" })).toThrow(/lastName "O'Brien" .*: character 2 "'" is not allowed\./);
  });

  test('users differ by case: Alice@ and alice@ are two users', () => {
    user();
    user({ email: 'Alice@example.com' }, 'Alice2');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::User', 2);
  });

  test('fails a second user with the same email', () => {
    user();
    expect(() => user({}, 'Again')).toThrow(/User 'Stack\/Again': email "alice@example.com" is already the user name of 'Stack\/Alice'/);
  });

  test('imports a user by name; isUser tells defined users', () => {
    const imported = User.fromUserName(stack, 'Bob', 'bob@example.com');
    expect(imported.userName).toBe('bob@example.com');
    expect(imported.authenticationType).toBe('USERPOOL');
    expect(User.isUser(user())).toBe(true);
    expect(User.isUser(imported)).toBe(false);
  });

  test('warns where CloudFormation has no AWS::AppStream::User', () => {
    const gov = new Stack(app, 'Gov', { env: { account: '123456789012', region: 'us-gov-east-1' } });
    new User(gov, 'U', { email: 'alice@example.com' });
    expect(Annotations.fromStack(gov).findWarning('*', Match.stringLikeRegexp('resourceNotInRegion'))).toHaveLength(1);
  });
});

describe('Stack.addUser', () => {
  test('associates the user with the stack, as a user-pool user', () => {
    const s = new AppStreamStack(stack, 'Desktops', { stackName: 'desktops' });
    s.addUser(user(), { sendEmailNotification: true });
    Template.fromStack(stack).hasResource('AWS::AppStream::StackUserAssociation', {
      Properties: { StackName: { Ref: Match.stringLikeRegexp('^Desktops') }, UserName: 'alice@example.com', AuthenticationType: 'USERPOOL', SendEmailNotification: true },
      DependsOn: [Match.stringLikeRegexp('^Alice')], // the stack's name is a reference; the user's is not
    });
  });

  test('takes an imported user', () => {
    const s = new AppStreamStack(stack, 'Desktops');
    s.addUser(User.fromUserName(stack, 'Bob', 'bob@example.com'));
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::StackUserAssociation', { UserName: 'bob@example.com', SendEmailNotification: Match.absent() });
  });

  test('fails a user added twice', () => {
    const s = new AppStreamStack(stack, 'Desktops');
    const alice = user();
    s.addUser(alice);
    expect(() => s.addUser(alice)).toThrow(/addUser\(\) "Stack\/Alice" adds user "alice@example.com" to the stack again/);
  });

  test('fails on a stack whose fleet joins a domain', () => {
    const s = new AppStreamStack(stack, 'Desktops', { fleet: domainFleet() });
    expect(() => s.addUser(user())).toThrow(/Stack 'Stack\/Desktops': addUser\(\) "Stack\/Alice" cannot be added: the stack's fleet 'Stack\/Fleet' joins an Active Directory domain/);
  });

  test('fails a domain-joined fleet on a stack that has users', () => {
    const s = new AppStreamStack(stack, 'Desktops');
    s.addUser(user());
    expect(() => s.associateFleet(domainFleet())).toThrow(/fleet "Stack\/Fleet" joins an Active Directory domain, but the stack has user-pool users/);
  });

  test('fails junk for a user', () => {
    const s = new AppStreamStack(stack, 'Desktops');
    expect(() => s.addUser(js('alice@example.com'))).toThrow(/addUser\(user\) "alice@example.com" must be an IUser, not a string\. Give a User/);
  });
});

describe('Entitlement', () => {
  const finance = [EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'finance')];

  test('stack.addEntitlement defines an entitlement named after its id', () => {
    const s = new AppStreamStack(stack, 'Apps', { stackName: 'apps' });
    const e = s.addEntitlement('Finance', { appVisibility: AppVisibility.ASSOCIATED, attributes: finance, description: 'Finance apps' });
    expect(e.entitlementName).toBe('Finance');
    expect(Entitlement.isEntitlement(e)).toBe(true);
    Template.fromStack(stack).hasResource('AWS::AppStream::Entitlement', {
      Properties: {
        Name: 'Finance', StackName: { Ref: Match.stringLikeRegexp('^Apps') }, AppVisibility: 'ASSOCIATED', Attributes: [{ Name: 'department', Value: 'finance' }], Description: 'Finance apps',
      },
      DependsOn: Match.absent(), // the stack's name is a reference
    });
  });

  test('addApplication associates an application', () => {
    const s = new AppStreamStack(stack, 'Apps', { stackName: 'apps' });
    const e = s.addEntitlement('Finance', { appVisibility: AppVisibility.ASSOCIATED, attributes: finance });
    const app2 = application();
    e.addApplication(app2);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::ApplicationEntitlementAssociation', {
      StackName: { Ref: Match.stringLikeRegexp('^Apps') }, EntitlementName: 'Finance', ApplicationIdentifier: app2.applicationName,
    });
  });

  test('fails addApplication with visibility ALL', () => {
    const s = new AppStreamStack(stack, 'Apps');
    const e = s.addEntitlement('All', { appVisibility: AppVisibility.ALL, attributes: finance });
    expect(() => e.addApplication(application())).toThrow(/Entitlement 'Stack\/Apps\/All': addApplication\(\) "Stack\/App" cannot be associated: the entitlement has appVisibility ALL/);
  });

  test('fails the same application twice', () => {
    const s = new AppStreamStack(stack, 'Apps');
    const e = s.addEntitlement('Finance', { appVisibility: AppVisibility.ASSOCIATED, attributes: finance });
    const a = application();
    e.addApplication(a);
    expect(() => e.addApplication(a)).toThrow(/adds the same application as 'Stack\/App' again/);
  });

  test('accepts each documented attribute name', () => {
    const s = new AppStreamStack(stack, 'Apps');
    s.addEntitlement('Everyone', { appVisibility: AppVisibility.ALL, attributes: Object.values(SamlAttribute).map((n) => EntitlementAttribute.of(n, 'x')) });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Entitlement', { Attributes: Match.arrayWith([{ Name: 'costCenter', Value: 'x' }]) });
  });

  test('warns for an attribute name outside the documented list (the model and the CloudFormation schema have no enum)', () => {
    const s = new AppStreamStack(stack, 'Apps');
    s.addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.of('email'), 'x')] });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Entitlement', { Attributes: [{ Name: 'email', Value: 'x' }] });
    expect(warnings()).toEqual([expect.stringMatching(/attributes\[0\].name "email" is not one of the SAML attributes the AppStream docs list for entitlements \(roles, department.*\[ack: cdk-appstream:entitlement:unknownSamlAttribute\]/)]);
  });

  test('fails an empty attribute name (the model: at least 1 character)', () => {
    const s = new AppStreamStack(stack, 'Apps');
    expect(() => s.addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.of(''), 'x')] }))
      .toThrow(/attributes\[0\].name "" must not be empty/);
    // A plain string where a SamlAttribute belongs is refused at the public boundary
    expect(() => EntitlementAttribute.of(js('department'), 'x')).toThrow(/^EntitlementAttribute\.of\(\): name "department" must be a SamlAttribute, not a string\. Use SamlAttribute\.of\(\)/);
  });

  test('fails an empty value', () => {
    const s = new AppStreamStack(stack, 'Apps');
    expect(() => s.addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.GROUPS, '')] }))
      .toThrow(/attributes\[0\].value "" must not be empty/);
  });

  test('fails no attributes', () => {
    const s = new AppStreamStack(stack, 'Apps');
    expect(() => s.addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: [] })).toThrow(/attributes must have at least 1 attribute \(it has 0\)/);
  });

  test('accepts one attribute with two values; fails the same attribute and value twice', () => {
    const s = new AppStreamStack(stack, 'Apps');
    s.addEntitlement('Two', { appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.GROUPS, 'a'), EntitlementAttribute.of(SamlAttribute.GROUPS, 'b')] });
    expect(() => s.addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: [...finance, ...finance] }))
      .toThrow(/attributes\[1\] "department=finance" repeats attributes\[0\]/);
  });

  test('names are unique per stack; two stacks may each have one', () => {
    const a = new AppStreamStack(stack, 'A');
    const b = new AppStreamStack(stack, 'B');
    a.addEntitlement('Finance', { appVisibility: AppVisibility.ALL, attributes: finance });
    b.addEntitlement('Finance', { appVisibility: AppVisibility.ALL, attributes: finance });
    expect(() => new Entitlement(stack, 'Other', { stack: a, entitlementName: 'Finance', appVisibility: AppVisibility.ALL, attributes: finance }))
      .toThrow(/Entitlement 'Stack\/Other': entitlementName "Finance" is already the name of entitlement 'Stack\/A\/Finance' of the same stack/);
  });

  test('fails an id that is no name, and says to give entitlementName', () => {
    const s = new AppStreamStack(stack, 'Apps');
    expect(() => s.addEntitlement('Finance team', { appVisibility: AppVisibility.ALL, attributes: finance }))
      .toThrow(/entitlementName \(the construct id\) "Finance team" must be .*give entitlementName when the construct id does not/);
    s.addEntitlement('Finance team2', { entitlementName: 'finance-team', appVisibility: AppVisibility.ALL, attributes: finance });
  });

  test('fails a missing or unknown visibility', () => {
    const s = new AppStreamStack(stack, 'Apps');
    expect(() => s.addEntitlement('E', js({ attributes: finance }))).toThrow(/appVisibility is required/);
    expect(() => s.addEntitlement('F', js({ appVisibility: 'SOME', attributes: finance }))).toThrow(/appVisibility "SOME" must be a member of AppVisibility \(ALL, ASSOCIATED\)/);
  });

  describe('on a stack whose fleet streams the desktop', () => {
    const fleet = (streamView?: StreamView) => new Fleet(stack, 'Fleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, streamView });
    const desktopWarnings = () => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-appstream:entitlement:desktopStreamView'));

    test('warns on the entitlement, when the fleet is associated first', () => {
      const s = new AppStreamStack(stack, 'Apps', { fleet: fleet(StreamView.DESKTOP) });
      s.addEntitlement('Finance', { appVisibility: AppVisibility.ALL, attributes: finance });
      const found = desktopWarnings();
      expect(found.map((w) => w.id)).toEqual(['/Stack/Apps/Finance']);
      expect(String(found[0].entry.data)).toMatch(/^stack 'Stack\/Apps' streams from fleet 'Stack\/Fleet', whose streamView is DESKTOP, and entitlements do not apply to the desktop stream view.* Use StreamView\.APP on the fleet/);
    });

    test('warns on each entitlement, when the fleet is associated after them, including one defined elsewhere', () => {
      const s = new AppStreamStack(stack, 'Apps');
      s.addEntitlement('Finance', { appVisibility: AppVisibility.ALL, attributes: finance });
      new Entitlement(stack, 'Sales', { stack: s, appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'sales')] });
      expect(desktopWarnings()).toHaveLength(0);
      s.associateFleet(fleet(StreamView.DESKTOP));
      expect(desktopWarnings().map((w) => w.id).sort()).toEqual(['/Stack/Apps/Finance', '/Stack/Sales']);
    });

    test('does not warn for the application stream view, given or by default', () => {
      new AppStreamStack(stack, 'Apps', { fleet: fleet(StreamView.APP) }).addEntitlement('Finance', { appVisibility: AppVisibility.ALL, attributes: finance });
      const other = new AppStreamStack(stack, 'Other');
      other.addEntitlement('Finance', { appVisibility: AppVisibility.ALL, attributes: finance });
      other.associateFleet(new Fleet(stack, 'Default', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM }));
      expect(desktopWarnings()).toHaveLength(0);
    });
  });

  test('warns where CloudFormation has no AWS::AppStream::Entitlement', () => {
    const west = new Stack(app, 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    new AppStreamStack(west, 'Apps').addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: finance });
    expect(Annotations.fromStack(west).findWarning('*', Match.stringLikeRegexp('cdk-appstream:entitlement:resourceNotInRegion'))).toHaveLength(1);
  });
});
