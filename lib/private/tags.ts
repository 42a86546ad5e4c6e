import { Token } from 'aws-cdk-lib';
import { countProblem, TAG_KEY, TAG_VALUE, TAGS } from './rules';
import { Validator } from './validation';

/**
 * The problems of the tags that reach an AppStream resource (its own and those added by `Tags.of()`),
 * as messages; empty when they are fine. One pass over the tags: linear in their number.
 */
export function checkTags(v: Validator, tags: Record<string, string>): string[] {
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
    const valueProblem = Token.isUnresolved(value) ? undefined : v.stringProblem(value, TAG_VALUE);
    if (valueProblem) {
      problems.push(v.message(`tag '${key}' value`, value, valueProblem, 'Change the value.'));
    }
  }
  return problems;
}
