import { App, CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, test } from 'vitest';
import { ImageBuilderExampleStack, ImagePipelineExampleStack } from '../examples/app';

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
      'appstream:CreateStreamingURL',
      'appstream:StartImageBuilder',
      'appstream:StopImageBuilder',
    ]);
  });

  test('synthesizes a fleet from the image name, a stack associated with it, and a portal allowed to stream', () => {
    const app = new App();
    const stack = new ImageBuilderExampleStack(app, 'Example', { env: { account: '111111111111', region: 'us-east-1' } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AppStream::Fleet', 1);
    template.resourceCountIs('AWS::AppStream::Stack', 1);
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 1);
    // scaleOnDemand(): three step policies, each with its alarm, and the alarm on refused sessions.
    template.resourcePropertiesCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'StepScaling' }, 3);
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'InsufficientCapacityError' }, 2);
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'CapacityUtilization' }, 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/AppStream',
      MetricName: 'InsufficientCapacityError',
      Dimensions: [{ Name: 'Fleet', Value: { Ref: stack.getLogicalId(stack.fleet.node.defaultChild as CfnElement) } }],
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: Match.absent(),
    });
    template.hasResourceProperties('AWS::AppStream::Fleet', { Name: 'example-fleet', ImageName: 'example-image-2026-11-30', ComputeCapacity: { DesiredInstances: 2 } });
    // The names by reference (to the fleet's and the stack's L1s), which orders the association after both.
    template.hasResourceProperties('AWS::AppStream::StackFleetAssociation', {
      FleetName: { Ref: stack.getLogicalId(stack.fleet.node.defaultChild as CfnElement) },
      StackName: { Ref: stack.getLogicalId(stack.appStack.node.defaultChild as CfnElement) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'appstream:CreateStreamingURL',
          Effect: 'Allow',
          Resource: [stack.resolve(stack.appStack.stackArn), stack.resolve(stack.fleet.fleetArn)],
        }],
      },
    });
  });

  test('synthesizes a fleet that follows an image pipeline: its image is the pipeline\'s parameter, and the pipeline may update it', () => {
    const app = new App();
    const stack = new ImagePipelineExampleStack(app, 'PipelineExample', { env: { account: '111111111111', region: 'us-east-1' } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    const parameter = Object.keys(template.findResources('AWS::SSM::Parameter'))[0];
    template.hasResourceProperties('AWS::SSM::Parameter', { Value: 'example-image-2026-11-30' });
    template.hasResourceProperties('AWS::AppStream::Fleet', { ImageName: { 'Fn::Join': ['', ['{{resolve:ssm:', { Ref: parameter }, '}}']] } });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'appstream:UpdateFleet', Resource: stack.resolve(stack.fleet.fleetArn) }));
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 3 1 * ? *)' });
  });
});
