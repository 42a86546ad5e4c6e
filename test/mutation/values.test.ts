/**
 * The value classes, lib/image.ts, lib/access-endpoint.ts, lib/agent-version.ts and lib/instance-type.ts
 * (issue 14): what each binds to, and each message whole, with the fix where the fix is the point.
 */
import { App, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { AccessEndpoint, AgentVersion, Image, InstanceType } from '../../lib';

/** A construct of the kind the values are bound to: Validator.of() names it by its class, as one of this library's. */
class ImageBuilder extends Construct {}

function scope(region?: string): Construct {
  const stack = new Stack(new App(), 'Stack', region ? { env: { region } } : undefined);
  return new ImageBuilder(stack, 'Res');
}
const ARN = 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024';

describe('Image', () => {
  test('by name: required, not empty', () => {
    expect(Image.fromName('n').bind(scope())).toEqual({ imageName: 'n' });
    expect(() => Image.fromName('').bind(scope())).toThrow("ImageBuilder 'Stack/Res': image (Image.fromName) \"\" must not be empty. Give the name of an AppStream image.");
    expect(() => Image.fromName(undefined as any).bind(scope())).toThrow("Image.fromName(): name is required. Give a string (the image's name (not empty)).");
  });

  test('by ARN: an AppStream image ARN of the stack\'s partition', () => {
    const fix = 'Give an AppStream image ARN such as arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024, or use Image.fromName().';
    expect(Image.fromArn(ARN).bind(scope('us-east-1'))).toEqual({ imageArn: ARN });
    expect(Image.fromArn(ARN).bind(scope())).toEqual({ imageArn: ARN });
    expect(() => Image.fromArn(ARN).bind(scope('cn-north-1')))
      .toThrow(`ImageBuilder 'Stack/Res': image (Image.fromArn) "${ARN}" is in partition aws, but the stack deploys to partition aws-cn. Give the ARN of the image in aws-cn.`);
    expect(() => Image.fromArn('arn:aws:s3:::bucket/x').bind(scope()))
      .toThrow(`ImageBuilder 'Stack/Res': image (Image.fromArn) "arn:aws:s3:::bucket/x" must be an AppStream image ARN, arn:<partition>:appstream:<region>:<account or empty>:image/<name> (pattern ^arn:aws(?:-cn|-iso-b|-iso|-us-gov)?:appstream:[a-z0-9-]{1,63}:(?:[0-9]{12})?:image/[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$). ${fix}`);
    expect(() => Image.fromArn('nope').bind(scope())).toThrow(/image \(Image.fromArn\) "nope" must be an ARN in an AWS partition/);
    expect(() => Image.fromArn(undefined as any).bind(scope())).toThrow('Image.fromArn(): arn is required. Give a string (the image\'s ARN).');
    const t = Token.asString({ Ref: 'Arn' });
    expect(Image.fromArn(t).bind(scope('cn-north-1'))).toEqual({ imageArn: t });
  });

  test('by ARN: a lookup dummy passes the first synth only', () => {
    const c = scope();
    expect(() => Image.fromArn('dummy-value-for-/images/golden').bind(c)).toThrow(/must be an ARN/);
    Stack.of(c).reportMissingContextKey({ key: 'k', provider: 'ssm' as any, props: {} as any });
    expect(Image.fromArn('dummy-value-for-/images/golden').bind(c)).toEqual({ imageArn: 'dummy-value-for-/images/golden' });
  });
});

describe('AccessEndpoint', () => {
  test('an endpoint id, 8 or 17 hex digits, under its property', () => {
    expect(AccessEndpoint.fromVpceId('vpce-0123456789abcdef0').bind(scope())).toEqual({ endpointType: 'STREAMING', vpceId: 'vpce-0123456789abcdef0' });
    expect(AccessEndpoint.fromVpceId('vpce-01234567').bind(scope(), 'x')).toEqual({ endpointType: 'STREAMING', vpceId: 'vpce-01234567' });
    expect(() => AccessEndpoint.fromVpceId('vpc-0123456789abcdef0').bind(scope(), 'accessEndpoints[1]'))
      .toThrow("ImageBuilder 'Stack/Res': accessEndpoints[1] \"vpc-0123456789abcdef0\" must be an interface VPC endpoint id, 'vpce-' followed by 8 or 17 hexadecimal digits (pattern ^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$). That is a VPC id: give the id of an interface VPC endpoint ('vpce-...') for the AppStream streaming service, or use AccessEndpoint.fromVpcEndpoint().");
    expect(() => AccessEndpoint.fromVpceId('vpce-123').bind(scope()))
      .toThrow(/^ImageBuilder 'Stack\/Res': accessEndpoints "vpce-123" must be .*\. Give the id of an interface VPC endpoint, or use AccessEndpoint.fromVpcEndpoint\(\)\.$/);
    expect(() => AccessEndpoint.fromVpceId('').bind(scope())).toThrow("ImageBuilder 'Stack/Res': accessEndpoints \"\" must not be empty.");
  });

  test('from an endpoint of the app: its id, a token, passes', () => {
    const stack = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
    const endpoint = vpc.addInterfaceEndpoint('E', { service: new ec2.InterfaceVpcEndpointService('com.amazonaws.us-east-1.appstream.streaming') });
    const c = new Construct(stack, 'Res');
    const vpceId = AccessEndpoint.fromVpcEndpoint(endpoint).bind(c).vpceId;
    expect(stack.resolve(vpceId)).toEqual({ Ref: stack.getLogicalId(endpoint.node.defaultChild as any) });
  });
});

describe('AgentVersion and InstanceType', () => {
  test('an agent version: LATEST or 1 to 100 characters', () => {
    expect(AgentVersion.LATEST.bind(scope())).toBe('LATEST');
    expect(AgentVersion.of('v'.repeat(100)).bind(scope())).toBe('v'.repeat(100));
    expect(() => AgentVersion.of('v'.repeat(101)).bind(scope())).toThrow(/agentVersion "v+…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Use AgentVersion.LATEST or a version of 1 to 100 characters\.$/);
    expect(() => AgentVersion.of('').bind(scope())).toThrow("ImageBuilder 'Stack/Res': agentVersion \"\" must not be empty. Use AgentVersion.LATEST or a version of 1 to 100 characters.");
  });

  test('InstanceType.of: the message and the fix', () => {
    expect(() => InstanceType.of('m5.large'))
      .toThrow("InstanceType.of(): instance type \"m5.large\" must start with 'stream.'. Use an AppStream instance type such as InstanceType.STANDARD_MEDIUM (stream.standard.medium), not an EC2 one.");
    expect(InstanceType.of('stream.x').toString()).toBe('stream.x');
    expect(InstanceType.STANDARD_MEDIUM.name).toBe('stream.standard.medium');
  });
});
