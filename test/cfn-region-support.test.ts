import { App, SecretValue, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import { describe, expect, test } from 'vitest';
import { DirectoryConfig, Image, ImageBuilder, InstanceType, ServiceAccountCredentials } from '../lib';
import { unsupportedProperties } from '../lib/private/cfn-region-support';
import { CFN_REGIONS, CFN_RESOURCE_SUPPORT } from '../lib/private/cfn-region-support.generated';

const IMAGE_BUILDER = 'AWS::AppStream::ImageBuilder';
const DIRECTORY_CONFIG = 'AWS::AppStream::DirectoryConfig';
const FLEET = 'AWS::AppStream::Fleet';

describe('unsupportedProperties', () => {
  test('DisableIMDSV1 is missing in us-east-1 and offered in eu-west-2', () => {
    expect(unsupportedProperties(IMAGE_BUILDER, 'us-east-1', ['Name', 'InstanceType', 'DisableIMDSV1'])).toEqual(['DisableIMDSV1']);
    expect(unsupportedProperties(IMAGE_BUILDER, 'eu-west-2', ['Name', 'InstanceType', 'DisableIMDSV1'])).toEqual([]);
  });

  test('RootVolumeConfig and the software lists are missing in us-west-1, where the type itself exists', () => {
    expect(unsupportedProperties(IMAGE_BUILDER, 'us-west-1', ['Name', 'RootVolumeConfig', 'SoftwaresToInstall', 'SoftwaresToUninstall']))
      .toEqual(['RootVolumeConfig', 'SoftwaresToInstall', 'SoftwaresToUninstall']);
    expect(unsupportedProperties(IMAGE_BUILDER, 'us-west-2', ['RootVolumeConfig', 'SoftwaresToInstall'])).toEqual([]);
  });

  test('CertificateBasedAuthProperties of a directory config is missing in us-west-1', () => {
    expect(unsupportedProperties(DIRECTORY_CONFIG, 'us-west-1', ['DirectoryName', 'CertificateBasedAuthProperties']))
      .toEqual(['CertificateBasedAuthProperties']);
    expect(unsupportedProperties(DIRECTORY_CONFIG, 'us-east-1', ['DirectoryName', 'CertificateBasedAuthProperties'])).toEqual([]);
  });

  test('every property is missing in a known region without the resource type', () => {
    expect(CFN_REGIONS).toContain('eu-north-1');
    expect(unsupportedProperties(IMAGE_BUILDER, 'eu-north-1', ['Name', 'InstanceType'])).toEqual(['Name', 'InstanceType']);
  });

  test('an unknown region or resource type gives nothing', () => {
    expect(CFN_REGIONS).not.toContain('xx-nowhere-1');
    expect(unsupportedProperties(IMAGE_BUILDER, 'xx-nowhere-1', ['DisableIMDSV1'])).toEqual([]);
    expect(unsupportedProperties('AWS::WorkSpaces::Workspace', 'us-east-1', ['DisableIMDSV1'])).toEqual([]);
  });

  test('covers all 13 AppStream resource types', () => {
    expect(Object.keys(CFN_RESOURCE_SUPPORT).sort()).toEqual([
      'AppBlock', 'AppBlockBuilder', 'Application', 'ApplicationEntitlementAssociation', 'ApplicationFleetAssociation',
      'DirectoryConfig', 'Entitlement', 'Fleet', 'ImageBuilder', 'Stack', 'StackFleetAssociation', 'StackUserAssociation', 'User',
    ].map((t) => `AWS::AppStream::${t}`));
  });

  test('a fleet, a stack and their associations are missing in us-gov-east-1, which has DirectoryConfig', () => {
    for (const type of ['Fleet', 'Stack', 'StackFleetAssociation', 'StackUserAssociation', 'User']) {
      expect(unsupportedProperties(`AWS::AppStream::${type}`, 'us-gov-east-1', ['Name']), type).toEqual(['Name']);
      expect(unsupportedProperties(`AWS::AppStream::${type}`, 'us-gov-west-1', ['Name']), type).toEqual([]);
    }
    expect(unsupportedProperties(DIRECTORY_CONFIG, 'us-gov-east-1', ['DirectoryName'])).toEqual([]);
    // The Elastic resources and Entitlement are offered there, though the fleet and stack they need are not.
    expect(unsupportedProperties('AWS::AppStream::Entitlement', 'us-gov-east-1', ['Name'])).toEqual([]);
    expect(unsupportedProperties('AWS::AppStream::ApplicationFleetAssociation', 'us-gov-east-1', ['FleetName'])).toEqual([]);
  });

  test('the Elastic resources and Entitlement are missing in us-west-1 and cn-northwest-1, where Fleet exists', () => {
    for (const type of ['AppBlock', 'AppBlockBuilder', 'Application', 'ApplicationFleetAssociation', 'Entitlement', 'ApplicationEntitlementAssociation']) {
      for (const region of ['us-west-1', 'cn-northwest-1']) {
        expect(unsupportedProperties(`AWS::AppStream::${type}`, region, ['Name']), `${type} in ${region}`).toEqual(['Name']);
        expect(unsupportedProperties(FLEET, region, ['Name']), region).toEqual([]);
      }
      expect(unsupportedProperties(`AWS::AppStream::${type}`, 'us-east-1', ['Name']), type).toEqual([]);
    }
  });

  test('a fleet\'s Elastic and multi-session properties are missing in cn-northwest-1, some also in us-west-1', () => {
    const elastic = ['MaxConcurrentSessions', 'Platform', 'SessionScriptS3Location', 'UsbDeviceFilterStrings'];
    const newer = ['DisableIMDSV1', 'MaxSessionsPerInstance', 'RootVolumeConfig'];
    expect(unsupportedProperties(FLEET, 'cn-northwest-1', ['Name', ...elastic, ...newer])).toEqual([...elastic, ...newer]);
    expect(unsupportedProperties(FLEET, 'us-west-1', ['Name', ...elastic, ...newer])).toEqual(newer);
    expect(unsupportedProperties(FLEET, 'us-east-1', ['Name', ...elastic, ...newer])).toEqual([]);
    expect(unsupportedProperties('AWS::AppStream::Stack', 'us-west-1', ['Name', 'StreamingExperienceSettings'])).toEqual(['StreamingExperienceSettings']);
  });

  test('knows the regions cfn-lint knows, sorted, among them the four the templates are linted in', () => {
    expect([...CFN_REGIONS].sort()).toEqual(CFN_REGIONS);
    expect(CFN_REGIONS).toEqual(expect.arrayContaining(['us-east-1', 'us-west-2', 'eu-west-2', 'ap-northeast-1', 'us-gov-west-1']));
  });
});

describe('constructs warn when CloudFormation in their stack\'s region lacks what they set', () => {
  const image = Image.fromName('Base');
  const instanceType = InstanceType.STANDARD_SMALL;
  const PROPERTY = 'cdk-appstream:imageBuilder:propertyNotInRegion';

  function warningsOf(stack: Stack, id: string): string[] {
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`\\[ack: ${id}\\]`)).map((w) => String(w.entry.data));
  }

  function stackIn(region?: string): Stack {
    return new Stack(new App(), 'Stack', region ? { env: { account: '111111111111', region } } : {});
  }

  test('requireImdsv2 in us-east-1 warns, naming DisableIMDSV1, the prop and where it is offered', () => {
    const stack = stackIn('us-east-1');
    new ImageBuilder(stack, 'B', { image, instanceType, requireImdsv2: true });
    const [warning] = warningsOf(stack, PROPERTY);
    expect(warning).toMatch(/CloudFormation in us-east-1 does not offer AWS::AppStream::ImageBuilder.DisableIMDSV1.*Leave requireImdsv2 out in us-east-1.*DisableIMDSV1 \(set by requireImdsv2\): .*eu-west-2/);
  });

  test('requireImdsv2 in eu-west-2, and in a stack without a region, does not warn', () => {
    const inRegion = stackIn('eu-west-2');
    new ImageBuilder(inRegion, 'B', { image, instanceType, requireImdsv2: true, rootVolumeSize: Size.gibibytes(300) });
    const agnostic = stackIn();
    new ImageBuilder(agnostic, 'B', { image, instanceType, requireImdsv2: true });
    expect(warningsOf(inRegion, PROPERTY)).toEqual([]);
    expect(warningsOf(agnostic, PROPERTY)).toEqual([]);
  });

  test('the root volume and software lists in us-west-1 warn; a builder that sets none of them does not', () => {
    const stack = stackIn('us-west-1');
    new ImageBuilder(stack, 'A', { image, instanceType, rootVolumeSize: Size.gibibytes(300), softwaresToInstall: ['x'] });
    new ImageBuilder(stack, 'B', { image, instanceType });
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/A', Match.stringLikeRegexp(PROPERTY));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toMatch(/RootVolumeConfig, AWS::AppStream::ImageBuilder.SoftwaresToInstall/);
    expect(Annotations.fromStack(stack).findWarning('/Stack/B', Match.anyValue())).toEqual([]);
  });

  test('an image builder in a region without AppStream in CloudFormation warns', () => {
    const stack = stackIn('eu-north-1');
    new ImageBuilder(stack, 'B', { image, instanceType });
    expect(warningsOf(stack, 'cdk-appstream:imageBuilder:resourceNotInRegion')).toEqual([
      expect.stringMatching(/CloudFormation in eu-north-1 has no AWS::AppStream::ImageBuilder/),
    ]);
  });

  test('certificate-based auth of a directory config in us-west-1 warns', () => {
    const stack = stackIn('us-west-1');
    new DirectoryConfig(stack, 'D', {
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: ['OU=A,DC=corp,DC=example,DC=com'],
      serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.secretsManager('svc')),
      certificateBasedAuth: {
        certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca',
          'arn:aws:acm-pca:us-west-1:111111111111:certificate-authority/11111111-2222-3333-4444-555555555555'),
      },
    });
    expect(warningsOf(stack, 'cdk-appstream:directoryConfig:propertyNotInRegion')).toEqual([
      expect.stringMatching(/AWS::AppStream::DirectoryConfig.CertificateBasedAuthProperties.*set by certificateBasedAuth/),
    ]);
  });
});
