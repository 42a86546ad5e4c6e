import { describe, expect, test } from 'vitest';
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
