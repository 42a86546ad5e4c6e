import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { countProblem, TAG_KEY, TAG_VALUE, TAGS } from './rules';
import { Validator } from './validation';

/**
 * Give an AppStream resource's L1 the tags of its props, checked twice: now, for an early error
 * (aws-cdk-lib would silently drop an empty key), and at synthesis, with the tags `Tags.of()` added
 * since, those the L1 had, and those of its stack (CloudFormation passes stack tags on). They go to the L1 only: AppStream's tag rules are its own (IAM, for
 * one, refuses some first characters that AppStream accepts), so the resource's role and security group
 * are left to `Tags.of()`. Applied on the L1 itself, the tag aspects visit that one node.
 *
 * @param v the resource's validator
 * @param resource the L1
 * @param tagManager the L1's tag manager (`tags` of an ITaggable, `cdkTagManager` of an ITaggableV2)
 * @param tags the tags of the props
 */
export function applyTags(v: Validator, resource: IConstruct, tagManager: cdk.TagManager, tags: Record<string, string> | undefined): void {
  if (tags !== undefined && tags !== null && (Array.isArray(tags) || typeof tags !== 'object')) {
    v.fail('tags', tags, 'must be a map of keys to values', "Give tags as a map from each key to its value, such as the key team with the value desktops (not as CloudFormation's list of Key and Value pairs).");
  }
  tags = tags ?? {};
  const problems = tagProblems(v, tags);
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
  for (const [key, value] of Object.entries(tags)) {
    cdk.Tags.of(resource).add(key, value);
  }
  v.scope.node.addValidation({ validate: () => tagProblems(v, { ...stackTags(resource), ...tagManager.tagValues() }) });
}

/**
 * The tags of the stacks that deploy `resource` (`new Stack(…, { tags })`): CloudFormation passes
 * them on to the AppStream resource, so they count toward its 50 and must satisfy its rules.
 */
function stackTags(resource: IConstruct): Record<string, string> {
  let tags: Record<string, string> = {};
  for (let stack: cdk.Stack | undefined = cdk.Stack.of(resource); stack; stack = stack.nestedStackParent) {
    tags = { ...stack.tags.tagValues(), ...tags }; // the inner stack's value of a key wins
  }
  return tags;
}

/**
 * The problems of the tags that reach an AppStream resource, as messages; empty when they are fine.
 * One pass over the tags: linear in their number.
 */
export function tagProblems(v: Validator, tags: Record<string, string>): string[] {
  const problems: string[] = [];
  const keys = Object.keys(tags);
  const tooMany = countProblem(TAGS, keys.length, 'tag');
  if (tooMany && keys.length > 0) {
    problems.push(v.message('tags', undefined, `${tooMany}, counting tags added with Tags.of()`, 'Remove tags, or exclude this resource type from broad Tags.of() calls (excludeResourceTypes).'));
  }
  for (const key of keys) {
    const keyProblem = v.stringProblem(key, TAG_KEY);
    if (keyProblem) {
      problems.push(v.message('tag key', key, keyProblem, "Rename the tag (keys starting with 'aws:' are reserved for AWS)."));
    }
    const value = tags[key];
    const valueProblem = typeof value !== 'string' ? 'must be a string' : v.stringProblem(value, TAG_VALUE);
    if (valueProblem) {
      problems.push(v.message(`tag '${key}' value`, value, valueProblem, 'Change the value.'));
    }
  }
  return problems;
}
