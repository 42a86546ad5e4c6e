/**
 * Integ snapshot: an image builder in a VPC with every feature on. `npx projen integ` compares the
 * synthesized template with the committed snapshot (no AWS account needed); `npx projen integ:update`
 * rewrites it after an intended change.
 *
 * SNAPSHOT ONLY: this stack cannot be deployed as it is. The builder joins the domain `corp.example.com`
 * through `DirectoryConfig.fromDirectoryName()`, an import of a directory config that no account has
 * (no such directory config, no such Active Directory, and the OU `OU=AppStream,DC=corp,DC=example,DC=com`
 * is made up), so AppStream would refuse the builder. For a stack that deploys as is, see
 * integ.image-builder-deployable.ts.
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessEndpoint, AgentVersion, DirectoryConfig, Image, ImageBuilder, InstanceType } from '../lib';

const app = new App();
const stack = new Stack(app, 'ImageBuilderIntegStack');

// No custom resource (and so no asset) to restrict the default security group: the snapshot stays plain JSON.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
const streaming = vpc.addInterfaceEndpoint('StreamingEndpoint', {
  service: new ec2.InterfaceVpcEndpointAwsService('appstream.streaming'),
  subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
});
const directory = DirectoryConfig.fromDirectoryName(stack, 'Directory', 'corp.example.com');

const builder = new ImageBuilder(stack, 'Builder', {
  imageBuilderName: 'integ-image-builder',
  displayName: 'Integ image builder',
  description: 'An image builder with every feature on',
  image: Image.fromName('AppStream-WinServer2022-06-17-2024'),
  instanceType: InstanceType.STANDARD_MEDIUM,
  vpc,
  vpcSubnets: { subnets: [vpc.privateSubnets[0]] },
  domainJoin: { directory, organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
  agentVersion: AgentVersion.LATEST,
  accessEndpoints: [AccessEndpoint.fromVpcEndpoint(streaming)],
  rootVolumeSize: Size.gibibytes(300),
  softwaresToInstall: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
  tags: { project: 'cdk-appstream', purpose: 'integ' },
});

const admin = new iam.Role(stack, 'AdminRole', { assumedBy: new iam.AccountRootPrincipal() });
builder.grantCreateStreamingUrl(admin);
builder.grantStartStop(admin);

new IntegTest(app, 'ImageBuilderInteg', { testCases: [stack] });
