/**
 * Synthesizes the recipe pipeline the engine tests run (ImageSource.recipe; issue 21), and writes its
 * state machine definition with every CloudFormation reference replaced by a value the fakes know
 * (region us-east-1, account 123456789012, the parameter, topic and bucket below, the builder's role):
 * `ts-node test/pipeline/synth-recipe.ts OUT.json`.
 */
import * as fs from 'fs';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Image, ImageComponent, ImagePipeline, ImageRecipe, ImageSource, InstanceType } from '../../lib';

export const RECIPE_FAKE = {
  region: 'us-east-1',
  account: '123456789012',
  parameter: '/recipe-pipeline/latest',
  topicName: 'recipe-pipeline-topic',
  bucket: 'recipe-requests',
  role: 'arn:aws:iam::123456789012:role/recipe-builder',
  baseImage: 'Crm-WinServer2022-agent',
  prefix: 'Crm',
  requestPrefix: 'requests/',
};

/**
 * The recipe pipeline of the engine tests: a Windows recipe, a builder in a VPC, a 1-hour image bound;
 * with `keepBuilderOnFailure` when `keep` is true.
 */
export function synthesizeRecipe(keep = false): { definition: unknown; owner: string; maxPolls: number } {
  const app = new App();
  const stack = new Stack(app, 'RecipeEngines', { env: { account: RECIPE_FAKE.account, region: RECIPE_FAKE.region } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-0a000001'], privateSubnetRouteTableIds: ['rtb-0a000001'],
  });
  const topic = new sns.Topic(stack, 'Topic', { topicName: RECIPE_FAKE.topicName });
  const recipe = ImageRecipe.windows({
    baseImage: Image.fromName(RECIPE_FAKE.baseImage),
    components: [ImageComponent.inline('Write-Output installing', { name: 'install', timeout: Duration.minutes(20) })],
    applications: [{ name: 'Crm', absoluteAppPath: 'C:\\Program Files\\Crm\\crm.exe', displayName: 'CRM' }],
    imageTags: { app: 'crm' },
  });
  const pipeline = new ImagePipeline(stack, 'Pipeline', {
    source: ImageSource.recipe(recipe, {
      instanceType: InstanceType.STANDARD_MEDIUM,
      vpc,
      securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0a1b2c3d')],
      requestPrefix: RECIPE_FAKE.requestPrefix,
      keepBuilderOnFailure: keep,
    }),
    imageNamePrefix: RECIPE_FAKE.prefix,
    imageTags: { team: 'crm' },
    timeout: Duration.hours(1),
    pollInterval: Duration.minutes(5),
    notificationTopic: topic,
  });
  const template = app.synth().getStackByName(stack.stackName).template;
  const [logicalId, resource] = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')!;
  const values: Record<string, string> = {
    'AWS::Partition': 'aws',
    'AWS::Region': RECIPE_FAKE.region,
    'AWS::AccountId': RECIPE_FAKE.account,
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const byType: Record<string, string> = {
    'AWS::SSM::Parameter': RECIPE_FAKE.parameter,
    'AWS::SNS::Topic': `arn:aws:sns:${RECIPE_FAKE.region}:${RECIPE_FAKE.account}:${RECIPE_FAKE.topicName}`,
    'AWS::S3::Bucket': RECIPE_FAKE.bucket,
  };
  const arns: Record<string, string> = { 'AWS::IAM::Role': RECIPE_FAKE.role };
  for (const [id, r] of Object.entries<any>(template.Resources)) {
    if (byType[r.Type] !== undefined) {
      values[id] = byType[r.Type];
    }
  }
  const resolve = (x: any): any => {
    if (Array.isArray(x)) {
      return x.map(resolve);
    }
    if (x && typeof x === 'object') {
      if ('Ref' in x) {
        if (values[x.Ref] === undefined) {
          throw new Error(`${logicalId}: no fake value for Ref ${x.Ref}`);
        }
        return values[x.Ref];
      }
      if ('Fn::Join' in x) {
        const [sep, parts] = x['Fn::Join'];
        return resolve(parts).join(sep);
      }
      if ('Fn::GetAtt' in x) {
        const [id, attribute] = x['Fn::GetAtt'];
        const arn = arns[template.Resources[id]?.Type];
        if (attribute !== 'Arn' || arn === undefined) {
          throw new Error(`${logicalId}: no fake value for ${JSON.stringify(x)}`);
        }
        return arn;
      }
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, resolve(v)]));
    }
    return x;
  };
  const definition = JSON.parse(resolve(resource.Properties.DefinitionString));
  return { definition, owner: pipeline.node.addr, maxPolls: 12 };
}

if (require.main === module) {
  const out = process.argv[2];
  fs.writeFileSync(out, JSON.stringify({ ...synthesizeRecipe(), keep: synthesizeRecipe(true), fake: RECIPE_FAKE }, null, 2));
  console.log(`wrote ${out}`);
}
