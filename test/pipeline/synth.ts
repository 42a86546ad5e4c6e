/**
 * Synthesizes the ImagePipeline the engine tests run, and writes its state machine definition with
 * every CloudFormation reference replaced by the value the fakes know (region us-east-1, account
 * 123456789012, parameter /pipeline/latest, topic pipeline-topic, fleets fleet-a and fleet-b):
 * `ts-node test/pipeline/synth.ts OUT.json`.
 */
import * as fs from 'fs';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Fleet, Image, ImagePipeline, ImageSource } from '../../lib';

export const FAKE = {
  region: 'us-east-1',
  account: '123456789012',
  parameter: '/pipeline/latest',
  topicName: 'pipeline-topic',
  fleets: ['fleet-a', 'fleet-b'],
  sourceImage: 'Desktops-Base',
  prefix: 'Desktops',
};

export interface Synthesized {
  readonly definition: unknown;
  readonly owner: string;
  readonly maxPolls: number;
  /** The pipeline's Lambda function, which re-tags the copies: its inline code and the ARN the definition names. */
  readonly tagger: { readonly code: string; readonly functionArn: string };
}

/** The ARN the fakes give the pipeline's Lambda function. */
const TAGGER_ARN = `arn:aws:lambda:${FAKE.region}:${FAKE.account}:function:tag-copies`;

/** The pipeline of the engine tests: shares, a copy, retention 2, a 1-hour bound polled every 5 minutes. */
export function synthesize(): Synthesized {
  const app = new App();
  const stack = new Stack(app, 'Engines', { env: { account: FAKE.account, region: FAKE.region } });
  const topic = new sns.Topic(stack, 'Topic', { topicName: FAKE.topicName });
  const pipeline = new ImagePipeline(stack, 'Pipeline', {
    source: ImageSource.managedUpdates(Image.fromName(FAKE.sourceImage)),
    imageNamePrefix: FAKE.prefix,
    imageDisplayName: 'Desktops',
    imageDescription: 'Patched monthly',
    imageTags: { team: 'desktops' },
    shareWith: [{ account: '111122223333', allowFleet: true, allowImageBuilder: false }],
    copyToRegions: ['eu-west-1'],
    keepImages: 2,
    timeout: Duration.hours(1),
    pollInterval: Duration.minutes(5),
    notificationTopic: topic,
  });
  for (const name of FAKE.fleets) {
    pipeline.addFleet(Fleet.fromFleetName(stack, name, name));
  }
  const template = app.synth().getStackByName(stack.stackName).template;
  const [logicalId, resource] = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')!;
  const refs: Record<string, string> = {
    'AWS::Partition': 'aws',
    'AWS::Region': FAKE.region,
    'AWS::AccountId': FAKE.account,
    'AWS::URLSuffix': 'amazonaws.com',
  };
  for (const [id, r] of Object.entries<any>(template.Resources)) {
    if (r.Type === 'AWS::SSM::Parameter') {
      refs[id] = FAKE.parameter;
    } else if (r.Type === 'AWS::SNS::Topic') {
      refs[id] = `arn:aws:sns:${FAKE.region}:${FAKE.account}:${FAKE.topicName}`;
    }
  }
  const resolve = (x: any): any => {
    if (Array.isArray(x)) {
      return x.map(resolve);
    }
    if (x && typeof x === 'object') {
      if ('Ref' in x) {
        const v = refs[x.Ref];
        if (v === undefined) {
          throw new Error(`${logicalId}: no fake value for Ref ${x.Ref}`);
        }
        return v;
      }
      if ('Fn::Join' in x) {
        const [sep, parts] = x['Fn::Join'];
        return resolve(parts).join(sep);
      }
      if ('Fn::GetAtt' in x && template.Resources[x['Fn::GetAtt'][0]]?.Type === 'AWS::Lambda::Function' && x['Fn::GetAtt'][1] === 'Arn') {
        return TAGGER_ARN;
      }
      if ('Fn::GetAtt' in x) {
        throw new Error(`${logicalId}: no fake value for ${JSON.stringify(x)}`);
      }
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, resolve(v)]));
    }
    return x;
  };
  const definition = JSON.parse(resolve(resource.Properties.DefinitionString));
  // The re-tagging function (copyToRegions): the engines run its own inline code (lambda-host.mjs).
  const functions = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  if (functions.length !== 1 || typeof functions[0].Properties.Code.ZipFile !== 'string') {
    throw new Error(`expected one Lambda function with inline code, found ${functions.length}`);
  }
  const tagger = { code: functions[0].Properties.Code.ZipFile, functionArn: TAGGER_ARN };
  return { definition, owner: pipeline.node.addr, maxPolls: 12, tagger };
}

if (require.main === module) {
  const out = process.argv[2];
  fs.writeFileSync(out, JSON.stringify({ ...synthesize(), fake: FAKE }, null, 2));
  console.log(`wrote ${out}`);
}
