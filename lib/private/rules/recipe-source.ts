/**
 * The limits of an image pipeline's recipe source (`ImageSource.recipe()`): what the state machine's
 * waits and the agent's request take. Step Functions and S3 are no AppStream API of botocore's model,
 * so these rules are not exported with the others (the model conformance test could not check them).
 * Tags: [sfn] Step Functions' documented limits; [lib] a rule of this library (the agent's request,
 * agent/schema/request-v1.schema.json, and the bounds the state machine polls within).
 */
import { RangeRule, StringRule } from './engine';

/**
 * [lib] How long the build inside the builder may take, from the hand-over of the recipe to the agent's
 * report (the task's TimeoutSeconds): at least 5 minutes, at most 7 days.
 */
export const RECIPE_BUILD_TIMEOUT_SECONDS: RangeRule = { sources: ['States.Task.TimeoutSeconds'], min: 300, max: 7 * 24 * 3600 };

/**
 * [lib] How long the state machine waits for a heartbeat of the agent (HeartbeatSeconds): from 1 minute
 * to 1 hour (the agent beats at a third of it; request-v1.schema.json's heartbeatSeconds is 1 to 3600).
 */
export const RECIPE_HEARTBEAT_TIMEOUT_SECONDS: RangeRule = { sources: ['States.Task.HeartbeatSeconds'], min: 60, max: 3600 };

/** [lib] How long the state machine waits for a new builder to be RUNNING: from 10 minutes to 6 hours. */
export const RECIPE_BUILDER_START_SECONDS: RangeRule = { sources: ['DescribeImageBuilders.State'], min: 600, max: 6 * 3600 };

/** [lib] How long run data (requests, logs) stays in a bucket the source owns: 1 to 3650 days. */
export const RECIPE_RUN_DATA_DAYS: RangeRule = { sources: ['S3.LifecycleRule.Expiration.Days'], min: 1, max: 3650 };

/**
 * [lib] The key prefix of the requests, as the agent's settings file names it: empty, or folders of
 * letters, digits, '_', '.' and '-', each ending in '/' (the state machine writes it into a
 * States.Format template, and an IAM resource pattern: no braces, quotes, '*' or '?').
 */
export const RECIPE_REQUEST_PREFIX: StringRule = {
  sources: ['request-v1.schema.json#description'],
  maxLength: 200,
  pattern: '^([a-zA-Z0-9_.-]+/)*$',
  patternHint: "empty, or folders of letters, digits, '_', '.' and '-', each ending in '/'",
};
