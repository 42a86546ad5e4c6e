import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { Validator } from './validation';

/** The service principal of AppStream, which assumes the roles of its resources. */
const APPSTREAM_PRINCIPAL = 'appstream.amazonaws.com';

/**
 * The IAM role of an AppStream resource (image builder, fleet, app block builder), as a getter.
 *
 * A role the user gives is attached at once, and its trust policy is checked at synthesis (only a given
 * role can fail: the default one trusts AppStream from the start, and a trust policy only ever gains
 * statements). Without one, the default role, which AppStream can assume and which has no policies, is
 * defined on first use: when something asks for the resource's `role` or `grantPrincipal`. A resource
 * that nobody grants anything gets no role and no `IamRoleArn`, which is AppStream's own default.
 *
 * @param scope the resource, in which the default role is defined (construct id `Role`)
 * @param v the resource's validator
 * @param given the role given in the props, if any
 * @param attach sets the role on the L1 (`iamRoleArn`); called once, when the role is known
 * @returns the getter of the role
 */
export function serviceRole(scope: Construct, v: Validator, given: iam.IRole | undefined, attach: (role: iam.IRole) => void): () => iam.IRole {
  if (given !== undefined && given !== null) {
    v.object('role', given, (x) => typeof x.roleArn === 'string', 'Give an iam.IRole, defined in the app or imported with iam.Role.fromRoleArn().');
    attach(given);
    scope.node.addValidation({ validate: () => checkTrust(v, given) });
    return () => given;
  }
  let role: iam.IRole | undefined;
  return () => {
    if (!role) {
      role = new iam.Role(scope, 'Role', {
        assumedBy: new iam.ServicePrincipal(APPSTREAM_PRINCIPAL),
        description: `Role of an AppStream ${v.noun} (appstream_machine_role)`,
      });
      attach(role);
    }
    return role;
  };
}

/**
 * The role whose trust policy a given role has: itself, or, through the wrappers of aws-cdk-lib that
 * keep the underlying role in a `role` field (`role.withoutPolicyUpdates()`), the role it wraps.
 */
function underlyingRole(role: iam.IRole): iam.IRole {
  let current = role;
  for (let depth = 0; depth < 10 && (current as { assumeRolePolicy?: unknown }).assumeRolePolicy === undefined; depth++) {
    const inner = (current as { role?: iam.IRole }).role;
    if (typeof inner?.roleArn !== 'string') {
      break;
    }
    current = inner;
  }
  return current;
}

function checkTrust(v: Validator, given: iam.IRole): string[] {
  const role = underlyingRole(given);
  const document = (role as { assumeRolePolicy?: iam.PolicyDocument }).assumeRolePolicy;
  if (!document) {
    return []; // an imported role: its trust policy is not known here
  }
  if (trustsAppStream(Stack.of(role).resolve(document)) === false) {
    return [v.message('role', role.node.path,
      `cannot be assumed by ${APPSTREAM_PRINCIPAL} (AppStream answers InvalidRoleException)`,
      `Define the role with assumedBy set to an iam.ServicePrincipal of ${APPSTREAM_PRINCIPAL}, or add that principal to its trust policy.`)];
  }
  return [];
}

/**
 * Whether a resolved trust policy lets AppStream assume the role, as IAM reads it: true, false, or
 * undefined when a principal is only known at deployment. Actions match as IAM matches them (case
 * does not count; `*` and `?` are wildcards; `NotAction` matches what it does not list), and an
 * unconditional Deny of AppStream (or of everyone) wins over any Allow.
 */
function trustsAppStream(policy: any): boolean | undefined {
  const statements: any[] = [policy?.Statement ?? []].flat();
  let allowed = false;
  let unknown = false;
  for (const s of statements) {
    if (!coversAssumeRole(s)) {
      continue;
    }
    const principal = namesAppStream(s);
    if (s.Effect === 'Deny' && principal === true && s.Condition === undefined) {
      return false;
    }
    if (s.Effect === 'Allow') {
      allowed ||= principal === true;
      unknown ||= principal === undefined;
    }
  }
  return allowed ? true : unknown ? undefined : false;
}

/** Whether a statement's `Action` (or `NotAction`) covers `sts:AssumeRole`. */
function coversAssumeRole(statement: any): boolean {
  const matches = (actions: unknown) => [actions].flat().some((a) => typeof a === 'string' && iamPattern(a).test('sts:AssumeRole'));
  return statement.NotAction !== undefined ? !matches(statement.NotAction) : matches(statement.Action);
}

/** Whether a statement's principal includes AppStream: true, false, or undefined when it is a token. */
function namesAppStream(statement: any): boolean | undefined {
  if (statement.NotPrincipal !== undefined) {
    const excluded: unknown[] = [statement.NotPrincipal.Service].flat();
    return !excluded.some((x) => typeof x === 'string' && x.toLowerCase() === APPSTREAM_PRINCIPAL);
  }
  const principal = statement.Principal;
  if (principal === '*' || [principal?.AWS].flat().includes('*')) {
    return true;
  }
  const services: unknown[] = [principal?.Service].flat().filter((x) => x !== undefined);
  if (services.some((x) => typeof x === 'string' && x.toLowerCase() === APPSTREAM_PRINCIPAL)) {
    return true;
  }
  return services.some((x) => typeof x !== 'string') ? undefined : false;
}

/** An IAM action pattern as a RegExp: case-insensitive, `*` any run of characters, `?` one character. */
function iamPattern(action: string): RegExp {
  return new RegExp(`^${action.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}
