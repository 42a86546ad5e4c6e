/**
 * What an association needs of its two sides: a user of the user pool of the stack's own account and
 * Region (a user pool is per Region), and an entitlement of an AppStream Stack.
 */
import { App, CfnParameter, Stack as CdkStack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { AppVisibility, Entitlement, EntitlementAttribute, IUser, SamlAttribute, Stack, User } from '../lib';

const ENV = { account: '123456789012', region: 'us-east-1' };

function stacks(userEnv: { account?: string; region?: string } | undefined) {
  const app = new App();
  const appStack = new Stack(new CdkStack(app, 'Access', { env: ENV }), 'AppStack');
  const user = new User(new CdkStack(app, 'Users', { env: userEnv }), 'Alice', { email: 'alice@example.com' });
  return { appStack, user };
}

describe('users of another Region or account', () => {
  test('a user of the same account and Region, in another stack', () => {
    const { appStack, user } = stacks(ENV);
    appStack.addUser(user);
    Template.fromStack(CdkStack.of(appStack)).resourceCountIs('AWS::AppStream::StackUserAssociation', 1);
  });

  test('a user of a stack whose Region is unknown (env-agnostic) may be of any Region', () => {
    const { appStack, user } = stacks(undefined);
    expect(() => appStack.addUser(user)).not.toThrow();
  });

  test('fails for a user of another Region: a user pool is per Region', () => {
    const { appStack, user } = stacks({ ...ENV, region: 'eu-west-1' });
    expect(() => appStack.addUser(user)).toThrow(
      "Stack 'Access/AppStack': addUser() \"Users/Alice\" is in region eu-west-1, but the stack is in region us-east-1: a user is in the user pool of its own account and Region only. Define the User in a stack of region us-east-1 (a user may be defined once per account and Region).");
  });

  test('fails for a user of another account', () => {
    const { appStack, user } = stacks({ ...ENV, account: '210987654321' });
    expect(() => appStack.addUser(user)).toThrow(/addUser\(\) "Users\/Alice" is in account 210987654321, but the stack is in account 123456789012/);
  });
});

describe('users that are not user-pool users', () => {
  class SamlUser extends Construct implements IUser {
    public readonly userName: string = 'bob@example.com';
    public readonly authenticationType: string = 'SAML';
    public readonly stack: CdkStack;
    public readonly env;
    constructor(scope: CdkStack, id: string) {
      super(scope, id);
      this.stack = scope;
      this.env = { account: scope.account, region: scope.region };
    }
    public applyRemovalPolicy(): void {}
    public get userRef() {
      return { userId: `${this.userName}|${this.authenticationType}` };
    }
  }

  test('a user-pool user: no warning', () => {
    const stack = new CdkStack(new App(), 'S');
    new Stack(stack, 'AppStack').addUser(User.fromUserName(stack, 'Alice', 'alice@example.com'));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('userNotInUserPool'))).toEqual([]);
  });

  test('a user of another authentication type warns: the API documents associations of user-pool users only', () => {
    const stack = new CdkStack(new App(), 'S');
    new Stack(stack, 'AppStack').addUser(new SamlUser(stack, 'Bob'));
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual([
      "Stack 'S/AppStack': addUser() \"S/Bob\" has authentication type SAML, but stacks take user-pool users (USERPOOL) only: AppStream documents the association for users of the user pool. "
      + 'Give SAML and directory users access through their identity provider or an entitlement instead, or acknowledge this warning. [ack: cdk-appstream:stack:userNotInUserPool]',
    ]);
  });

  test('a user whose authentication type or name is known only at deployment is not judged; a known bad name fails', () => {
    const stack = new CdkStack(new App(), 'S');
    const appStack = new Stack(stack, 'AppStack');
    const type = new CfnParameter(stack, 'Type').valueAsString;
    class Other extends SamlUser {
      public readonly authenticationType = type;
    }
    appStack.addUser(new Other(stack, 'Carol'));
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    class Nameless extends SamlUser {
      public readonly userName = 'b'.repeat(129);
    }
    expect(() => appStack.addUser(new Nameless(stack, 'Dan'))).toThrow(/^Stack 'S\/AppStack': addUser\(\) "b+…" \(129 characters\) must be at most 128 characters long \(it is 129\)\. Give a user whose name is their email address\.$/);
  });

  test('an imported user is not judged by the stack it is imported in: it names a user of the pool where it is added', () => {
    const app = new App();
    const users = new CdkStack(app, 'Users', { env: { account: '123456789012', region: 'eu-west-1' } });
    const access = new CdkStack(app, 'Access', { env: { account: '123456789012', region: 'us-east-1' } });
    new Stack(access, 'AppStack').addUser(User.fromUserName(users, 'Alice', 'alice@example.com'));
    Template.fromStack(access).hasResourceProperties('AWS::AppStream::StackUserAssociation', { UserName: 'alice@example.com' });
  });
});

describe('an entitlement\'s stack', () => {
  const attributes = [EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'finance')];

  test('an AppStream Stack', () => {
    const stack = new CdkStack(new App(), 'S');
    new Entitlement(stack, 'E', { stack: new Stack(stack, 'AppStack'), appVisibility: AppVisibility.ALL, attributes });
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::Entitlement', 1);
  });

  test('fails for a CloudFormation stack (aws-cdk-lib\'s Stack) in place of an AppStream Stack', () => {
    const stack = new CdkStack(new App(), 'S');
    expect(() => new Entitlement(stack, 'E', { stack: stack as any, appVisibility: AppVisibility.ALL, attributes })).toThrow(
      "Entitlement 'S/E': stack S must be an IStack, not a Stack (it has no grant, grantCreateStreamingUrl, stackArn). Give a Stack, defined here or imported with its from… methods (the stack whose applications the entitlement governs).");
  });
});
