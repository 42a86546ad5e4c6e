/**
 * Messages and lookups the mutation run found loose (issue 14): where the window of a long value is
 * placed, how numbers and other plain values are shown, the AppStream stack's import ARN, type guard,
 * region warning for its protocol, and the message that lists the users of a stack.
 */
import { App, CfnParameter, SecretValue, Size, Stack as CdkStack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import {
  DirectoryConfig, Fleet, Image, ImageBuilder, InstanceType, ServiceAccountCredentials, Stack, StorageConnector, StreamingProtocol,
  User, UserAction, UserSetting,
} from '../../lib';
import { StringRule, distinguishedNameKey } from '../../lib/private/rules';
import { Validator, showValue } from '../../lib/private/validation';

const ENV = { account: '123456789012', region: 'us-east-1' };
const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
const js = (x: unknown) => x as any;

/** The directory config of corp.example.com in `stack`, with `ous`. */
function directoryIn(stack: CdkStack, ous: string[] = [OU]): DirectoryConfig {
  return new DirectoryConfig(stack, 'Directory', {
    directoryName: 'corp.example.com',
    organizationalUnitDistinguishedNames: ous,
    serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.unsafePlainText('x')),
  });
}

function failure(rule: StringRule, value: string): string {
  const v = new Validator(new Construct(new CdkStack(new App(), 'S'), 'Thing'), 'ImageBuilder');
  try {
    v.string('p', value, rule);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('the window of a long value centres on the character that breaks the pattern', () => {
  test('where only a letter mends it', () => {
    const value = `${'a'.repeat(60)}0${'a'.repeat(39)}`;
    expect(failure({ sources: ['Test.Member'], pattern: '^[a-z]{100}$' }, value))
      .toBe(`ImageBuilder 'S/Thing': p …"${'a'.repeat(40)}0${'a'.repeat(39)}" (100 characters, from character 21) must be in the right form (pattern ^[a-z]{100}$): character 61 '0' is not allowed.`);
  });

  test('where only a digit mends it', () => {
    const value = `${'1'.repeat(60)}x${'1'.repeat(39)}`;
    expect(failure({ sources: ['Test.Member'], pattern: '^[0-9]{100}$' }, value))
      .toBe(`ImageBuilder 'S/Thing': p …"${'1'.repeat(40)}x${'1'.repeat(39)}" (100 characters, from character 21) must be in the right form (pattern ^[0-9]{100}$): character 61 'x' is not allowed.`);
  });

  test('where only removing it mends it', () => {
    const value = `${'a'.repeat(60)}-${'a'.repeat(39)}`;
    expect(failure({ sources: ['Test.Member'], pattern: '^[a-z]{99}$' }, value))
      .toBe(`ImageBuilder 'S/Thing': p …"${'a'.repeat(40)}-${'a'.repeat(39)}" (100 characters, from character 21) must be in the right form (pattern ^[a-z]{99}$): character 61 '-' is not allowed.`);
  });
});

describe('plain values in messages', () => {
  test.each<[unknown, string]>([
    [NaN, 'NaN'], [Infinity, 'Infinity'], [-0.5, '-0.5'], [undefined, 'undefined'], [null, 'null'], [true, 'true'], [false, 'false'],
    [[1, 'a'], '[1,"a"]'], [{ a: 1 }, '{"a":1}'],
  ])('%s is shown as %s', (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });
});

describe('the AppStream stack', () => {
  test('an import by name has the stack ARN of the scope', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    expect(stack.resolve(Stack.fromStackName(stack, 'N', 'legacy').stackArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:stack/legacy']],
    });
  });

  test('isStack is false for null, a string, a plain object and a lookalike', () => {
    for (const x of [null, 'stack', {}, { [Symbol.for('cdk-appstream.Stack')]: 1 }]) {
      expect(Stack.isStack(x)).toBe(false);
    }
  });

  test('preferredProtocol warns where CloudFormation lacks StreamingExperienceSettings, naming the prop', () => {
    const stack = new CdkStack(new App(), 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    new Stack(stack, 'Apps', { preferredProtocol: StreamingProtocol.UDP });
    const found = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('propertyNotInRegion'));
    expect(found.map((w) => String(w.entry.data))).toEqual([expect.stringContaining('Leave preferredProtocol out in us-west-1')]);
    expect(String(found[0].entry.data)).toContain('StreamingExperienceSettings (set by preferredProtocol): ');
  });

  test('a domain-joined fleet after user-pool users: the message lists the users and gives the fix', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    const fleet = new Fleet(stack, 'Fleet', {
      image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, vpc: new ec2.Vpc(stack, 'Vpc'), domainJoin: { directory: directoryIn(stack) },
    });
    const apps = new Stack(stack, 'Apps');
    apps.addUser(new User(stack, 'Alice', { email: 'alice@example.com' }));
    apps.addUser(new User(stack, 'Bob', { email: 'bob@example.com' }));
    expect(() => apps.associateFleet(fleet)).toThrow("Stack 'S/Apps': fleet \"S/Fleet\" joins an Active Directory domain, but the stack has user-pool users (S/Alice, S/Bob), and \"users in a user pool cannot be assigned to stacks with fleets that are joined to an Active Directory domain\". Use a fleet without domainJoin for user-pool users, or define another Stack for the domain-joined fleet.");
  });
});

describe('distinguished names compared as Active Directory compares them', () => {
  test('a part without "=" has no type, and spaces around it do not count either', () => {
    expect(distinguishedNameKey('OU=a, b ,DC=x')).toBe(JSON.stringify([['ou', 'a'], ['', 'b'], ['dc', 'x']]));
    expect(distinguishedNameKey('OU=a,b,DC=x')).toBe(distinguishedNameKey('OU=a, b ,DC=x'));
  });

  test('a backslash before one hex digit escapes that character, not a byte', () => {
    expect(distinguishedNameKey('OU=a\\4,DC=x')).toBe(JSON.stringify([['ou', 'a4'], ['dc', 'x']]));
    expect(distinguishedNameKey('OU=a\\4G,DC=x')).toBe(JSON.stringify([['ou', 'a4g'], ['dc', 'x']]));
    expect(distinguishedNameKey('OU=a\\41,DC=x')).toBe(JSON.stringify([['ou', 'aa'], ['dc', 'x']]));
  });
});

describe('directory configs and fleets: whole messages', () => {
  test('missing props, and a password that holds no value', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    expect(() => new DirectoryConfig(stack, 'D', js(undefined)))
      .toThrow("DirectoryConfig 'S/D': props is required. Give an object with the fields of DirectoryConfigProps, at least directoryName, organizationalUnitDistinguishedNames, serviceAccountCredentials.");
    expect(() => new DirectoryConfig(stack, 'E', {
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: [OU],
      serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.unsafePlainText(js(undefined))),
    })).toThrow("DirectoryConfig 'S/E': serviceAccountCredentials.serviceAccountPassword holds no value. Give the account's password, from AWS Secrets Manager: ServiceAccountCredentials.fromSecret(secret).");
    expect(() => new DirectoryConfig(new CdkStack(new App(), 'S', { env: ENV }), 'N', {
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: [OU],
      serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.unsafePlainText(js(null))),
    })).toThrow("DirectoryConfig 'S/N': serviceAccountCredentials.serviceAccountPassword holds no value. Give the account's password, from AWS Secrets Manager: ServiceAccountCredentials.fromSecret(secret).");
    expect(() => new Fleet(stack, 'F', js(null))).toThrow("Fleet 'S/F': props is required. Give an object with the fields of FleetProps, at least image, instanceType (the fleet's properties).");
  });

  test.each(['enableDefaultInternetAccess', 'requireImdsv2', 'startFleet'])('a fleet\'s %s that is not true or false', (prop) => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    expect(() => new Fleet(stack, 'F', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, [prop]: js('yes') }))
      .toThrow(new RegExp(`^Fleet 'S/F': ${prop} "yes" must be true or false, not a string\\. Give true or false, or leave it out \\(`));
  });
});

describe('access endpoints', () => {
  test('an entry that is not an AccessEndpoint: its index, the value and the fix', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    expect(() => new Stack(stack, 'Apps', { accessEndpoints: [js('vpce-0123456789abcdef0')] }))
      .toThrow("Stack 'S/Apps': accessEndpoints[0] \"vpce-0123456789abcdef0\" must be an AccessEndpoint, not a string. Use AccessEndpoint.fromVpceId(), AccessEndpoint.fromVpcEndpoint().");
  });
});

describe('more whole messages and unjudged tokens', () => {
  const IMAGE = Image.fromName('Base');
  const TYPE = InstanceType.STANDARD_MEDIUM;

  test('an image builder: props, flags, softwares and agent version', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    expect(() => new ImageBuilder(stack, 'A', js(undefined)))
      .toThrow("ImageBuilder 'S/A': props is required. Give an object with the fields of ImageBuilderProps, at least image, instanceType (the image builder's properties).");
    expect(() => new ImageBuilder(stack, 'B', { image: IMAGE, instanceType: TYPE, enableDefaultInternetAccess: js(1) }))
      .toThrow("ImageBuilder 'S/B': enableDefaultInternetAccess 1 must be true or false, not a number. Give true or false, or leave it out (whether the builder gets internet access from AppStream).");
    expect(() => new ImageBuilder(stack, 'C', { image: IMAGE, instanceType: TYPE, requireImdsv2: js('no') }))
      .toThrow("ImageBuilder 'S/C': requireImdsv2 \"no\" must be true or false, not a string. Give true or false, or leave it out (whether to require IMDSv2 on the builder (turn off IMDSv1)).");
    expect(() => new ImageBuilder(stack, 'D', { image: IMAGE, instanceType: TYPE, softwaresToInstall: [''] }))
      .toThrow(/^ImageBuilder 'S\/D': softwaresToInstall\[0\] "" .*\. Give the application name, such as Microsoft_Office_2021_LTSC_Professional_Plus_64Bit\.$/);
    expect(() => new ImageBuilder(stack, 'E', { image: IMAGE, instanceType: TYPE, agentVersion: js('LATEST') }))
      .toThrow("ImageBuilder 'S/E': agentVersion \"LATEST\" must be an AgentVersion, not a string. Use AgentVersion.LATEST (the AppStream agent version).");
    expect(() => new ImageBuilder(stack, 'F', { image: IMAGE, instanceType: TYPE, description: 'd'.repeat(257) }))
      .toThrow(/^ImageBuilder 'S\/F': description .* must be at most 256 characters long \(it is 257\)\. Shorten it\.$/);
  });

  test('rootVolumeSize warns where CloudFormation lacks RootVolumeConfig, naming the prop', () => {
    const stack = new CdkStack(new App(), 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    new ImageBuilder(stack, 'B', { image: IMAGE, instanceType: TYPE, rootVolumeSize: Size.gibibytes(300) });
    const found = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('propertyNotInRegion')).map((w) => String(w.entry.data));
    expect(found).toEqual([expect.stringContaining('ImageBuilder.RootVolumeConfig (per cfn-lint\'s schemas)')]);
    expect(found[0]).toContain('Leave rootVolumeSize out in us-west-1');
  });

  test('a domain join: a long OU, and unjudged tokens (account, OU list)', () => {
    const app = new App();
    const stack = new CdkStack(app, 'S', { env: ENV });
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const directory = directoryIn(stack);
    const long = `OU=${'x'.repeat(2000)},DC=corp,DC=example,DC=com`;
    expect(() => new ImageBuilder(stack, 'A', { image: IMAGE, instanceType: TYPE, vpc, domainJoin: { directory, organizationalUnitDistinguishedName: long } }))
      .toThrow(/^ImageBuilder 'S\/A': domainJoin\.organizationalUnitDistinguishedName .* must be at most 2000 characters long \(it is 2029\)\. Shorten it\.$/);

    // The builder's stack has no environment: its account is a token, so the directory's is not compared with it.
    const agnostic = new CdkStack(app, 'Agnostic');
    new ImageBuilder(agnostic, 'B', { image: IMAGE, instanceType: TYPE, vpc: new ec2.Vpc(agnostic, 'Vpc'), domainJoin: { directory, organizationalUnitDistinguishedName: OU } });

    // One OU of the directory is a parameter: any OU may be it, so none is refused.
    const other = new App();
    const withParam = new CdkStack(other, 'Param', { env: ENV });
    const paramDirectory = directoryIn(withParam, [new CfnParameter(withParam, 'Ou').valueAsString, OU]);
    new ImageBuilder(withParam, 'C', {
      image: IMAGE,
      instanceType: TYPE,
      vpc: new ec2.Vpc(withParam, 'Vpc'),
      domainJoin: { directory: paramDirectory, organizationalUnitDistinguishedName: 'OU=Other,DC=corp,DC=example,DC=com' },
    });
    expect(() => app.synth()).not.toThrow();
    expect(() => other.synth()).not.toThrow();
  });

  test('autoscaling from JavaScript: a missing maxCapacity, a missing target', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    const fleet = (id: string) => new Fleet(stack, id, { image: IMAGE, instanceType: TYPE });
    expect(() => fleet('A').autoScaleCapacity(js({})))
      .toThrow(/^Fleet 'S\/A': autoScaleCapacity\(props\)\.maxCapacity is required\. Give a number \(the most instances/);
    expect(() => fleet('B').autoScaleCapacity({ maxCapacity: 3 }).scaleOnUtilization('Utilization', js({})))
      .toThrow("ScalableFleetCapacity 'S/B/ScalingTarget': scaleOnUtilization(props).targetUtilizationPercent is required. Give a number (the share of the fleet's capacity in use to keep the fleet at (metric AppStreamAverageCapacityUtilization), more than 0 and at most 100).");
    expect(() => fleet('C').autoScaleCapacity({ maxCapacity: 3 }).scaleOnUtilization('Utilization', js({ targetUtilizationPercent: null })))
      .toThrow("ScalableFleetCapacity 'S/C/ScalingTarget': scaleOnUtilization(props).targetUtilizationPercent is required. Give a number (the share of the fleet's capacity in use to keep the fleet at (metric AppStreamAverageCapacityUtilization), more than 0 and at most 100).");
  });
});

describe('storage connectors and user settings from JavaScript', () => {
  test('domains that are not a list: the index, the value and the fix', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    expect(() => new Stack(stack, 'Apps', { storageConnectors: [StorageConnector.oneDrive(js('example.com'))] }))
      .toThrow('StorageConnector.oneDrive(): domains "example.com" must be a list of strings, not a string. Give a list of strings (the OneDrive for Business domains, such as corp.example.com: at most 50, each 1 to 64 characters).');
  });

  test('enable() with null options is enable() without a maximum length', () => {
    const stack = new CdkStack(new App(), 'S', { env: ENV });
    new Stack(stack, 'Apps', { userSettings: [UserSetting.enable(UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, js(null))] });
    expect(Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Stack'))[0].Properties.UserSettings)
      .toEqual([{ Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'ENABLED' }]);
  });

  test('a selection that selects no subnet: the fix of the resource', () => {
    const stack = new CdkStack(new App(), 'S'); // no environment: no lookup of the zones is pending
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    expect(() => new ImageBuilder(stack, 'B', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM, vpc, vpcSubnets: { subnetFilters: [ec2.SubnetFilter.byIds(['subnet-none'])] } }))
      .toThrow("ImageBuilder 'S/B': vpcSubnets selects no subnet. An image builder uses exactly one subnet: set vpcSubnets to a selection of one subnet (its subnets holding only that subnet, such as the first of the VPC's private subnets), or select by subnet type, group or availability zone to take the first subnet selected.");
  });
});
