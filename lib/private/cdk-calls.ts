import { Validator } from './validation';

/**
 * Call into aws-cdk-lib with a value the user gave, so that an error it throws (`vpc.selectSubnets`
 * for a selection the VPC cannot satisfy, a bucket method given a key it refuses) names our construct,
 * its path and property, and how to fix it, rather than escaping as aws-cdk-lib's bare message.
 *
 * @param v the validator of the construct that makes the call
 * @param property the prop whose value the call uses
 * @param fix how to fix the value
 * @param call the call into aws-cdk-lib
 */
export function viaCdk<T>(v: Validator, property: string, fix: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    return v.fail(property, undefined, `is refused by aws-cdk-lib: ${(e as Error).message.replace(/\.$/, '')}`, fix);
  }
}
