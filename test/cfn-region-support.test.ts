import { App, SecretValue, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import { describe, expect, test } from 'vitest';
import { DirectoryConfig, Image, ImageBuilder, InstanceType, ServiceAccountCredentials } from '../lib';
import { CFN_REGIONS, unsupportedProperties } from '../lib/private/cfn-region-support';

const IMAGE_BUILDER = 'AWS::AppStream::ImageBuilder';
const DIRECTORY_CONFIG = 'AWS::AppStream::DirectoryConfig';

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
    expect(unsupportedProperties('AWS::AppStream::Fleet', 'us-east-1', ['DisableIMDSV1'])).toEqual([]);
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
