/**
 * Integ snapshot: a directory config whose service account comes from a Secrets Manager secret, with
 * certificate-based authentication, and an image builder that joins its domain. `npx projen integ`
 * compares the synthesized template with the committed snapshot (no AWS account needed);
 * `npx projen integ:update` rewrites it after an intended change.
 *
 * SNAPSHOT ONLY: this stack cannot be deployed as it is. Its values are placeholders: the domain
 * `corp.example.com` and its OUs do not exist (no Active Directory is defined or reachable from the
 * VPC); the service account `svc-appstream` gets a generated password that no directory knows; and the
 * Private CA ARN (account 123456789012, certificate authority 11111111-2222-3333-4444-555555555555) is
 * fake, in an account that is not yours. For a stack that deploys as is, see
 * integ.image-builder-deployable.ts.
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { CertificateBasedAuthStatus, DirectoryConfig, Image, ImageBuilder, InstanceType, ServiceAccountCredentials } from '../lib';

const app = new App();
const stack = new Stack(app, 'DirectoryConfigIntegStack');

// No custom resource (and so no asset) to restrict the default security group: the snapshot stays plain JSON.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });

// The service account's name and password, as JSON fields; set the password to the account's real one
// after the first deployment (the template only ever holds references to the secret).
const serviceAccount = new secretsmanager.Secret(stack, 'ServiceAccount', {
  description: 'AppStream service account for corp.example.com',
  generateSecretString: {
    secretStringTemplate: JSON.stringify({ username: 'svc-appstream' }),
    generateStringKey: 'password',
  },
});

const appStreamOu = 'OU=AppStream,OU=Computers,DC=corp,DC=example,DC=com';
const directory = new DirectoryConfig(stack, 'Directory', {
  directoryName: 'corp.example.com',
  organizationalUnitDistinguishedNames: [appStreamOu, 'OU=Fleets,OU=Computers,DC=corp,DC=example,DC=com'],
  serviceAccountCredentials: ServiceAccountCredentials.fromSecret(serviceAccount),
  certificateBasedAuth: {
    certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'PrivateCa',
      'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555'),
    status: CertificateBasedAuthStatus.ENABLED,
  },
});

new ImageBuilder(stack, 'Builder', {
  imageBuilderName: 'integ-domain-joined-builder',
  image: Image.fromName('AppStream-WinServer2022-06-17-2024'),
  instanceType: InstanceType.STANDARD_MEDIUM,
  vpc,
  vpcSubnets: { subnets: [vpc.privateSubnets[0]] },
  domainJoin: { directory, organizationalUnitDistinguishedName: appStreamOu },
});

new IntegTest(app, 'DirectoryConfigInteg', { testCases: [stack] });
