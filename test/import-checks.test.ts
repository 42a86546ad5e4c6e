/**
 * Imports (`fromXxxName`, `fromXxxArn`): a literal name or ARN is checked against the rules a defined
 * resource follows (the Name shape, the ARN's form and partition), in one helper every import uses.
 * With no construct of ours to blame, the message names the method, the argument, the value and the
 * fix. Tokens pass.
 */
import { App, Aws, Stack as CdkStack, Token } from 'aws-cdk-lib';
import { describe, expect, test } from 'vitest';
import { AppBlock, AppBlockBuilder, Application, DirectoryConfig, ElasticFleet, Fleet, ImageBuilder, Stack, User } from '../lib';

const ARN = 'arn:aws:appstream:us-east-1:123456789012';

function scope(): CdkStack {
  return new CdkStack(new App(), 'S');
}

/** Each import by name: the method, its argument, and the call. */
const BY_NAME: [string, string, (s: CdkStack, name: any) => unknown][] = [
  ['Fleet.fromFleetName()', 'fleetName', (s, n) => Fleet.fromFleetName(s, 'I', n)],
  ['ElasticFleet.fromElasticFleetName()', 'fleetName', (s, n) => ElasticFleet.fromElasticFleetName(s, 'I', n)],
  ['Stack.fromStackName()', 'stackName', (s, n) => Stack.fromStackName(s, 'I', n)],
  ['ImageBuilder.fromImageBuilderName()', 'imageBuilderName', (s, n) => ImageBuilder.fromImageBuilderName(s, 'I', n)],
  ['Application.fromApplicationName()', 'applicationName', (s, n) => Application.fromApplicationName(s, 'I', n)],
  ['AppBlock.fromAppBlockName()', 'appBlockName', (s, n) => AppBlock.fromAppBlockName(s, 'I', n)],
  ['AppBlockBuilder.fromAppBlockBuilderName()', 'appBlockBuilderName', (s, n) => AppBlockBuilder.fromAppBlockBuilderName(s, 'I', n)],
];

/** Each import by ARN: the method, its argument, the resource type in the ARN, and the call. */
const BY_ARN: [string, string, string, (s: CdkStack, arn: any) => unknown][] = [
  ['Fleet.fromFleetArn()', 'fleetArn', 'fleet', (s, a) => Fleet.fromFleetArn(s, 'I', a)],
  ['ElasticFleet.fromElasticFleetArn()', 'fleetArn', 'fleet', (s, a) => ElasticFleet.fromElasticFleetArn(s, 'I', a)],
  ['Stack.fromStackArn()', 'stackArn', 'stack', (s, a) => Stack.fromStackArn(s, 'I', a)],
  ['ImageBuilder.fromImageBuilderArn()', 'imageBuilderArn', 'image-builder', (s, a) => ImageBuilder.fromImageBuilderArn(s, 'I', a)],
  ['Application.fromApplicationArn()', 'applicationArn', 'application', (s, a) => Application.fromApplicationArn(s, 'I', a)],
  ['AppBlock.fromAppBlockArn()', 'appBlockArn', 'app-block', (s, a) => AppBlock.fromAppBlockArn(s, 'I', a)],
  ['AppBlockBuilder.fromAppBlockBuilderArn()', 'appBlockBuilderArn', 'app-block-builder', (s, a) => AppBlockBuilder.fromAppBlockBuilderArn(s, 'I', a)],
];

describe.each(BY_NAME)('%s', (method, argument, call) => {
  test('accepts a name of the Name shape, and a token', () => {
    expect(() => call(scope(), 'my-resource_1.0')).not.toThrow();
    expect(() => call(scope(), Token.asString({ Ref: 'Param' }))).not.toThrow();
  });

  test('fails for an empty name, and a name with a space', () => {
    expect(() => call(scope(), '')).toThrow(`${method} at 'S/I': ${argument} "" must be 1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$). Give the name of an existing resource: 1 to 101 letters, digits, _ . - starting with a letter or digit.`);
    expect(() => call(scope(), 'my fleet')).toThrow(new RegExp(`^${method.replace(/[.()]/g, '\\$&')} at 'S/I': ${argument} "my fleet" must be 1 to 101 characters`));
  });

  test('fails for a missing name (plain JavaScript)', () => {
    // Refused at the public boundary: a string is expected (the parameter's doc follows)
    expect(() => call(scope(), undefined)).toThrow(new RegExp(`^${method.replace(/[.()]/g, '\\$&')} at 'S/I': ${argument} is required\\. Give a string \\(`));
  });
});

describe.each(BY_ARN)('%s', (method, argument, resource, call) => {
  test('accepts an ARN of the resource type, in any partition, and a token', () => {
    expect(() => call(scope(), `${ARN}:${resource}/my-resource`)).not.toThrow();
    expect(() => call(scope(), `arn:aws-cn:appstream:cn-north-1:123456789012:${resource}/x`)).not.toThrow();
    expect(() => call(scope(), Token.asString({ Ref: 'Param' }))).not.toThrow();
    expect(() => call(scope(), `arn:${Aws.PARTITION}:appstream:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}/x`)).not.toThrow();
  });

  test('fails for an ARN with a space, of another resource type or service, or of no partition', () => {
    expect(() => call(scope(), `${ARN}:${resource}/my resource`)).toThrow(new RegExp(`^${method.replace(/[.()]/g, '\\$&')} at 'S/I': ${argument} ".*my resource" must be`));
    const other = resource === 'stack' ? 'fleet' : 'stack';
    expect(() => call(scope(), `${ARN}:${other}/x`)).toThrow(
      `${method} at 'S/I': ${argument} "${ARN}:${other}/x" is not the ARN of ${/^[aeiou]/.test(resource) ? 'an' : 'a'} ${resource.replace(/-/g, ' ')}. Give an ARN such as ${ARN}:${resource}/my-name.`);
    expect(() => call(scope(), `arn:aws:s3:::bucket/${resource}/x`)).toThrow(/is not the ARN of/);
    expect(() => call(scope(), `arn:nope:appstream:us-east-1:123456789012:${resource}/x`)).toThrow(/must be an ARN in an AWS partition/);
  });

  test('fails for a missing ARN (plain JavaScript)', () => {
    expect(() => call(scope(), undefined)).toThrow(new RegExp(`^${method.replace(/[.()]/g, '\\$&')} at 'S/I': ${argument} is required\\.`));
  });
});

describe('User.fromUserName() and DirectoryConfig.fromDirectoryName()', () => {
  test('accept a user name and a directory name, and tokens', () => {
    expect(() => User.fromUserName(scope(), 'I', 'alice@example.com')).not.toThrow();
    expect(() => DirectoryConfig.fromDirectoryName(scope(), 'I', 'corp.example.com')).not.toThrow();
    expect(() => User.fromUserName(scope(), 'I', Token.asString({ Ref: 'Param' }))).not.toThrow();
  });

  test('fails for an empty user name, and a directory name that is no domain name', () => {
    expect(() => User.fromUserName(scope(), 'I', '')).toThrow("User.fromUserName() at 'S/I': userName \"\" must not be empty. Give the user's email address, such as alice@example.com.");
    expect(() => DirectoryConfig.fromDirectoryName(scope(), 'I', 'CORP'))
      .toThrow(/^DirectoryConfig.fromDirectoryName\(\) at 'S\/I': directoryName "CORP" must be a fully qualified domain name.*Give the fully qualified domain name of the directory, such as corp.example.com \(not its NetBIOS name\)\.$/);
  });
});
