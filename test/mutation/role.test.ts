/**
 * The service role of an AppStream resource, lib/private/role.ts (issue 14): the default role, and the
 * trust-policy check read as IAM reads it, statement by statement, on raw policy JSON.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { serviceRole } from '../../lib/private/role';
import { Validator } from '../../lib/private/validation';

const APPSTREAM = 'appstream.amazonaws.com';
const REFUSED = "ImageBuilder 'Stack/Builder': role \"Stack/Role\" cannot be assumed by appstream.amazonaws.com (AppStream answers InvalidRoleException). "
  + 'Define the role with assumedBy set to an iam.ServicePrincipal of appstream.amazonaws.com, or add that principal to its trust policy.';

function setup() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const scope = new Construct(stack, 'Builder');
  const v = new Validator(scope, 'ImageBuilder');
  return { app, stack, scope, v };
}

/** The errors at synthesis of a resource given a role whose trust policy is `policy`, raw. */
function synthWith(policy: unknown): () => void {
  const { app, stack, scope, v } = setup();
  const role = Object.assign(new Construct(stack, 'Role'), { roleArn: 'arn:aws:iam::123456789012:role/r', assumeRolePolicy: policy }) as unknown as iam.IRole;
  serviceRole(scope, v, role, () => undefined);
  return () => app.synth();
}

const allow = (extra: object) => ({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...extra }] });
const svc = (service: unknown) => allow({ Principal: { Service: service } });

describe('trust policy, principals', () => {
  test.each([
    ['the service', svc(APPSTREAM)],
    ['the service in capitals', svc('APPSTREAM.AMAZONAWS.COM')],
    ['the service among others', svc(['ec2.amazonaws.com', APPSTREAM])],
    ["Principal '*'", allow({ Principal: '*' })],
    ["Principal { AWS: '*' }", allow({ Principal: { AWS: '*' } })],
    ["'*' among AWS principals", allow({ Principal: { AWS: ['arn:aws:iam::123456789012:root', '*'] } })],
    ['a NotPrincipal that leaves AppStream in', allow({ NotPrincipal: { Service: 'ec2.amazonaws.com' } })],
    ['a single statement, not a list', { Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: APPSTREAM } } }],
    ['a NotPrincipal whose service is a token', allow({ NotPrincipal: { Service: [{ 'Fn::Join': ['', ['ec2.', 'amazonaws.com']] }] } })],
  ])('accepts %s', (_, policy) => {
    expect(synthWith(policy)).not.toThrow();
  });

  test.each([
    ['another service', svc('ec2.amazonaws.com')],
    ['an AWS principal that is not *', allow({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } })],
    ['a NotPrincipal that names AppStream', allow({ NotPrincipal: { Service: ['ec2.amazonaws.com', 'AppStream.amazonaws.com'] } })],
    ['no principal at all', allow({})],
    ['no statements', {}],
    ['an empty statement list', { Statement: [] }],
    ['an empty policy document, which resolves to nothing', new iam.PolicyDocument()],
    ['an Effect that is neither Allow nor Deny', { Statement: [{ Effect: 'Maybe', Action: 'sts:AssumeRole', Principal: { Service: APPSTREAM } }] }],
  ])('fails %s', (_, policy) => {
    expect(synthWith(policy)).toThrow(REFUSED);
  });

  test('a principal known only at deployment may be AppStream: accepted, unless a Deny settles it', () => {
    expect(synthWith(svc({ Ref: 'Service' }))).not.toThrow();
    expect(synthWith(svc(['ec2.amazonaws.com', { Ref: 'Service' }]))).not.toThrow();
    expect(synthWith({ Statement: [...svc({ Ref: 'Service' }).Statement, { Effect: 'Deny', Action: 'sts:*', Principal: '*' }] })).toThrow(REFUSED);
  });

  test('a principal known only at deployment in a Deny does not deny', () => {
    expect(synthWith({ Statement: [...svc(APPSTREAM).Statement, { Effect: 'Deny', Action: 'sts:*', Principal: { Service: { Ref: 'S' } } }] })).not.toThrow();
  });

  test('a known principal wins over an unknown one', () => {
    expect(synthWith({ Statement: [...svc('ec2.amazonaws.com').Statement, ...svc({ Ref: 'S' }).Statement] })).not.toThrow();
    expect(synthWith({ Statement: [...svc({ Ref: 'S' }).Statement, ...svc(APPSTREAM).Statement] })).not.toThrow();
  });
});

describe('trust policy, Deny', () => {
  const allowed = svc(APPSTREAM).Statement;
  test('an unconditional Deny of AppStream wins, before or after the Allow', () => {
    const deny = { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: APPSTREAM } };
    expect(synthWith({ Statement: [...allowed, deny] })).toThrow(REFUSED);
    expect(synthWith({ Statement: [deny, ...allowed] })).toThrow(REFUSED);
  });
  test('a conditional Deny, a Deny of others, and a Deny of other actions do not', () => {
    expect(synthWith({ Statement: [...allowed, { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] })).not.toThrow();
    expect(synthWith({ Statement: [...allowed, { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] })).not.toThrow();
    expect(synthWith({ Statement: [...allowed, { Effect: 'Deny', Action: 'sts:TagSession', Principal: '*' }] })).not.toThrow();
    expect(synthWith({ Statement: [...allowed, { Effect: 'Deny', Action: 'sts:AssumeRole', NotPrincipal: { Service: APPSTREAM } }] })).not.toThrow();
  });
});

describe('trust policy, actions as IAM matches them', () => {
  const withAction = (action: unknown) => ({ Statement: [{ Effect: 'Allow', Action: action, Principal: { Service: APPSTREAM } }] });
  test.each([['sts:AssumeRol?'], ['sts:Assume*'], ['STS:ASSUMEROLE'], [['s3:GetObject', 'sts:AssumeRole']], ['*']])('accepts %j', (action) => {
    expect(synthWith(withAction(action))).not.toThrow();
  });
  test.each([
    ['sts:AssumeRole?'], ['sts:AssumeRol'], ['AssumeRole'], ['sts:AssumeRoleX'], ['xsts:AssumeRole'], ['sts.AssumeRole'], ['sts:Assume.ole'],
    ['sts:Assume+'], ['sts:Assume+Role'], ['sts:Assume(Role'], [['s3:GetObject']], [[5]], [undefined],
  ])('fails %j', (action) => {
    expect(synthWith(withAction(action))).toThrow(REFUSED);
  });
  test('NotAction covers what it does not list', () => {
    const notAction = (a: unknown) => ({ Statement: [{ Effect: 'Allow', NotAction: a, Principal: { Service: APPSTREAM } }] });
    expect(synthWith(notAction('s3:*'))).not.toThrow();
    expect(synthWith(notAction(['s3:*', 5]))).not.toThrow();
    expect(synthWith(notAction([]))).not.toThrow();
    expect(synthWith(notAction('sts:*'))).toThrow(REFUSED);
    expect(synthWith(notAction(['s3:*', 'sts:assumerole']))).toThrow(REFUSED);
  });
});

describe('serviceRole', () => {
  test('a role given is attached at once, and its getter returns it', () => {
    const { stack, scope, v } = setup();
    const role = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/x');
    const attached: iam.IRole[] = [];
    const get = serviceRole(scope, v, role, (r) => attached.push(r));
    expect(attached).toEqual([role]);
    expect(get()).toBe(role);
    expect(attached).toHaveLength(1);
  });

  test('an imported role is not checked (its trust policy is not known)', () => {
    const { app, stack, scope, v } = setup();
    serviceRole(scope, v, iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/x'), () => undefined);
    expect(() => app.synth()).not.toThrow();
  });

  test('a role defined in the app is checked at synthesis', () => {
    const { app, stack, scope, v } = setup();
    serviceRole(scope, v, new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }), () => undefined);
    expect(() => app.synth()).toThrow(REFUSED);
  });

  test('fails what is not a role', () => {
    const { scope, v } = setup();
    expect(() => serviceRole(scope, v, 'arn:aws:iam::123456789012:role/x' as any, () => undefined))
      .toThrow("ImageBuilder 'Stack/Builder': role \"arn:aws:iam::123456789012:role/x\" is not of the expected type. Give an iam.IRole, defined in the app or imported with iam.Role.fromRoleArn().");
  });

  test('null is no role', () => {
    const { stack, scope, v } = setup();
    const get = serviceRole(scope, v, null as any, () => undefined);
    expect(get().node.path).toBe('Stack/Builder/Role');
    expect(stack.node.tryFindChild('Builder')).toBeDefined();
  });

  test('without a role: none until asked for, then one, defined once, that AppStream can assume', () => {
    const { stack, scope, v } = setup();
    const attached: iam.IRole[] = [];
    const get = serviceRole(scope, v, undefined, (r) => attached.push(r));
    expect(attached).toEqual([]);
    expect(scope.node.tryFindChild('Role')).toBeUndefined();
    const role = get();
    expect(get()).toBe(role);
    expect(attached).toEqual([role]);
    expect(scope.node.tryFindChild('Role')).toBe(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Description: 'Role of an AppStream image builder (appstream_machine_role)',
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: APPSTREAM } }] },
    });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 1);
  });
});
