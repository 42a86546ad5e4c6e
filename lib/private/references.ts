import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { Validator } from './validation';

/**
 * A name or ARN attribute of a resource defined in the app: where it is used within the resource's
 * Stage and environment, the reference (`Ref`, `Fn::GetAtt`), so that CloudFormation creates the
 * resource before what uses it (and deletes it after); elsewhere, the literal value. Across Stages
 * no reference can be made (each Stage is its own cloud assembly, deployed on its own, as CDK
 * Pipelines deploys them), nor across environments (aws-cdk-lib's own name attributes mimic a
 * reference the same way for another account or region).
 */
class StageAwareReference implements cdk.IResolvable {
  public readonly creationStack: string[] = [];

  constructor(
    private readonly producer: IConstruct,
    private readonly reference: string,
    /** The value where no reference can be made. */
    public readonly literal: string,
    /** Says why the literal cannot serve where it is a token: the start of the message. */
    private readonly describe: () => string,
  ) {}

  public resolve(context: cdk.IResolveContext): unknown {
    const consumer = cdk.Stack.of(context.scope);
    const producer = cdk.Stack.of(this.producer);
    if (cdk.Stage.of(consumer) === cdk.Stage.of(producer) && consumer.account === producer.account && consumer.region === producer.region) {
      return this.reference;
    }
    // The partition (an ARN's, from formatArn) is the same in every Stage that uses the literal: none
    // deploys into another partition. Any other token is known only in the producer's stack.
    const known = this.literal.split(cdk.Aws.PARTITION).join('');
    if (cdk.Token.isUnresolved(known) && cdk.Stage.of(consumer) !== cdk.Stage.of(producer)) {
      if (known.includes(cdk.Aws.REGION) || known.includes(cdk.Aws.ACCOUNT_ID)) {
        throw new Error(`${this.describe()} makes an ARN that is used in '${consumer.node.path}', in another Stage, but the resource's stack has no account and region, so the ARN is known only at deployment. Give that stack an env with its account and region, or define what uses it in the resource's own Stage.`);
      }
      throw new Error(`${this.describe()} is used in '${consumer.node.path}', in another Stage, but it is a token, known only at deployment, and no reference crosses Stages. Give the resource a literal name, or define what uses it in the resource's own Stage.`);
    }
    return this.literal;
  }

  public toString(): string {
    return cdk.Token.asString(this);
  }
}

/**
 * The value of a name or ARN attribute (`@attribute`) of a resource defined in the app: `reference`
 * (such as `resource.ref`) wherever CloudFormation can resolve it, `literal` across Stages and
 * environments.
 *
 * @param v the validator of the construct that defines the resource
 * @param property the prop the literal comes from (`fleetName`), for the message when it is a token
 * used in another Stage
 * @param reference the reference to the attribute
 * @param literal the attribute's value as known at synthesis (a token only when a prop was one)
 */
export function attributeReference(v: Validator, property: string, reference: string, literal: string): string {
  return new StageAwareReference(v.scope, reference, literal, () => `${v.kind} '${v.scope.node.path}': ${property}`).toString();
}

/**
 * The literal value behind an attribute that `attributeReference` made (what a rule may judge, and
 * what keys a name among others), or the value itself.
 */
export function literalOf(value: string): string {
  if (typeof value !== 'string' || !cdk.Token.isUnresolved(value)) {
    return value;
  }
  const fragments = cdk.Tokenization.reverseString(value);
  const token = fragments.firstToken;
  return fragments.length === 1 && token instanceof StageAwareReference ? token.literal : value;
}

/**
 * Make `from` depend on `to`, where CloudFormation can order them: within one Stage (one cloud
 * assembly; CDK refuses dependencies that cross Stages, whose deployments a pipeline orders) and
 * when `to` defines resources. `to` is the resource needed, such as a construct's L1, never more:
 * a dependency on a whole construct also waits for its other children (scaling policies, alarms),
 * and a Condition on one of them would leave a DependsOn on a resource that may not exist.
 *
 * @param from the construct that needs `to`
 * @param to the resource it needs
 */
export function dependsOn(from: IConstruct, to: IConstruct): void {
  if (cdk.Stage.of(from) === cdk.Stage.of(to)) {
    from.node.addDependency(to);
  }
}

/** The L1 resource of a construct defined in the app (its `Resource` child), or the construct itself. */
export function resourceOf(construct: IConstruct): IConstruct {
  return construct.node.defaultChild ?? construct;
}
