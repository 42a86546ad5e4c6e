import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, test } from 'vitest';
import { ImageBuilderExampleStack } from '../examples/app';

describe('the example app', () => {
  test('synthesizes one image builder in a private subnet, with a role admins can use to stream it', () => {
    const app = new App();
    const stack = new ImageBuilderExampleStack(app, 'Example', { env: { account: '111111111111', region: 'us-east-1' } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AppStream::ImageBuilder', 1);
    template.hasResourceProperties('AWS::AppStream::ImageBuilder', {
      Name: 'example-image-builder',
      InstanceType: 'stream.standard.medium',
      VpcConfig: { SubnetIds: [stack.resolve(stack.vpc.privateSubnets[0].subnetId)] },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a: string) => a.startsWith('appstream:')).sort()).toEqual([
      'appstream:CreateImageBuilderStreamingURL',
      'appstream:StartImageBuilder',
      'appstream:StopImageBuilder',
    ]);
  });
});
