import { App, Stack as CdkStack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AppBlock, AppBlockBuilder, AppBlockPackaging, Application, AppVisibility, ElasticFleet, Entitlement, EntitlementAttribute, Fleet, FleetPlatform,
  Image, InstanceFamily, InstanceType, S3Location, SamlAttribute, Stack, User,
} from '../lib';

let app: App;
let stack: CdkStack;

beforeEach(() => {
  app = new App();
  stack = new CdkStack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
});

const APP_ARN = 'arn:aws:appstream:us-east-1:123456789012:application/notepad';

describe('imported Elastic fleets take applications', () => {
  test('by name: the association names the fleet and the application', () => {
    const fleet = ElasticFleet.fromElasticFleetName(stack, 'Elastic', 'shared-elastic');
    fleet.addApplication(Application.fromApplicationArn(stack, 'Notepad', APP_ARN));
    fleet.addApplication(Application.fromApplicationArn(stack, 'Paint', 'arn:aws:appstream:us-east-1:123456789012:application/paint'));
    const associations = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::ApplicationFleetAssociation')).map((r) => r.Properties);
    expect(associations).toEqual([
      { FleetName: 'shared-elastic', ApplicationArn: APP_ARN },
      { FleetName: 'shared-elastic', ApplicationArn: 'arn:aws:appstream:us-east-1:123456789012:application/paint' },
    ]);
  });

  test('an application defined in the app, by ARN (a reference to it)', () => {
    const bucket = new s3.Bucket(stack, 'Apps');
    const block = new AppBlock(stack, 'Block', { source: S3Location.fromBucket(bucket, 'apps/np.vhdx'), packaging: AppBlockPackaging.appStream2() });
    const notepad = new Application(stack, 'Notepad', {
      appBlock: block,
      launchPath: 'C:\\np.exe',
      icon: S3Location.fromBucket(bucket, 'np.png'),
      platforms: [FleetPlatform.WINDOWS_SERVER_2019],
      instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
    });
    ElasticFleet.fromElasticFleetArn(stack, 'Elastic', 'arn:aws:appstream:us-east-1:123456789012:fleet/shared-elastic').addApplication(notepad);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::ApplicationFleetAssociation', {
      FleetName: 'shared-elastic', ApplicationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Notepad'), 'Arn'] },
    });
  });

  test('fails the same application twice', () => {
    const fleet = ElasticFleet.fromElasticFleetName(stack, 'Elastic', 'shared-elastic');
    const notepad = Application.fromApplicationArn(stack, 'Notepad', APP_ARN);
    fleet.addApplication(notepad);
    expect(() => fleet.addApplication(notepad)).toThrow(/There is already a Construct with name 'Application/);
  });
});

describe('imported stacks grant streaming URLs', () => {
  test('on the stack and the fleet given', () => {
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.AccountRootPrincipal() });
    const imported = Stack.fromStackName(stack, 'Legacy', 'legacy-stack');
    imported.grantCreateStreamingUrl(portal, Fleet.fromFleetName(stack, 'Fleet', 'legacy-fleet'));
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(policy.Properties.PolicyDocument.Statement).toEqual([{
      Action: 'appstream:CreateStreamingURL',
      Effect: 'Allow',
      Resource: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:stack/legacy-stack']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/legacy-fleet']] },
      ],
    }]);
  });

  test('fails without the fleet, naming how to give it', () => {
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => Stack.fromStackName(stack, 'Legacy', 'legacy-stack').grantCreateStreamingUrl(portal))
      .toThrow("Stack 'Stack/Legacy': grantCreateStreamingUrl() of an imported stack needs its fleet, which CreateStreamingURL names too. Give the fleet as the second argument, such as one imported with Fleet.fromFleetName().");
    // A null from plain JavaScript is no fleet either.
    expect(() => Stack.fromStackName(stack, 'Other', 'other-stack').grantCreateStreamingUrl(portal, null as any))
      .toThrow("Stack 'Stack/Other': grantCreateStreamingUrl() of an imported stack needs its fleet");
  });

  test('a defined stack uses its own fleet unless given one', () => {
    const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.AccountRootPrincipal() });
    const fleet = new Fleet(stack, 'Fleet', { fleetName: 'own', image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM });
    new Stack(stack, 'AppStack', { stackName: 's', fleet }).grantCreateStreamingUrl(portal);
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(JSON.stringify(policy.Properties.PolicyDocument.Statement[0].Resource)).toMatch(/:fleet\/",\{"Ref":"Fleet/); // the stack's own fleet, by reference
  });
});

describe('imported entitlements', () => {
  test('take applications, by the stack and entitlement names', () => {
    const entitlement = Entitlement.fromEntitlementName(stack, 'Finance', Stack.fromStackName(stack, 'Legacy', 'legacy-stack'), 'finance');
    expect(entitlement.entitlementRef).toEqual({ stackName: 'legacy-stack', entitlementName: 'finance' });
    entitlement.addApplication(Application.fromApplicationName(stack, 'Notepad', 'notepad'));
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::ApplicationEntitlementAssociation', {
      StackName: 'legacy-stack', EntitlementName: 'finance', ApplicationIdentifier: 'notepad',
    });
  });

  test('a defined entitlement is an IEntitlement with the same reference', () => {
    const appStack = new Stack(stack, 'AppStack', { stackName: 'apps' });
    const e = new Entitlement(stack, 'Finance', {
      stack: appStack, appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'finance')],
    });
    expect(stack.resolve(e.entitlementRef)).toEqual({ stackName: { Ref: expect.stringMatching(/^AppStack/) }, entitlementName: 'Finance' });
  });
});

describe('every interface extends its generated reference', () => {
  test('stacks, users, applications, app blocks and app block builders, defined and imported', () => {
    // Both spellings of the field: stackId (aws-cdk-lib 2.247) and stackName (later versions).
    expect(Stack.fromStackName(stack, 'S', 'legacy-stack').stackRef).toEqual({ stackName: 'legacy-stack', stackId: 'legacy-stack' });
    const ref = { Ref: expect.stringMatching(/^AppStack/) };
    expect(stack.resolve(new Stack(stack, 'AppStack', { stackName: 'apps' }).stackRef)).toEqual({ stackName: ref, stackId: ref });
    expect(User.fromUserName(stack, 'U', 'alice@example.com').userRef).toEqual({ userId: 'alice@example.com|USERPOOL' });
    const user = new User(stack, 'Alice', { email: 'alice@example.com' });
    expect(stack.resolve(user.userRef.userId)).toEqual({ Ref: expect.stringMatching(/^Alice/) });
    expect(Application.fromApplicationArn(stack, 'A', APP_ARN).applicationRef).toEqual({ applicationArn: APP_ARN });
    const blockArn = 'arn:aws:appstream:us-east-1:123456789012:app-block/np';
    expect(AppBlock.fromAppBlockArn(stack, 'B', blockArn).appBlockRef).toEqual({ appBlockArn: blockArn });
    const builderArn = 'arn:aws:appstream:us-east-1:123456789012:app-block-builder/packager';
    expect(AppBlockBuilder.fromAppBlockBuilderArn(stack, 'C', builderArn).appBlockBuilderRef)
      .toEqual({ appBlockBuilderName: 'packager', appBlockBuilderArn: builderArn });
  });
});
