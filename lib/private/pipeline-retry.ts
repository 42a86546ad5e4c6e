import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/**
 * The errors of an AppStream call worth retrying, as Step Functions names them (`AppStream.<code>`):
 * throttling, a concurrent change, and `AppStream.AppStreamException`, the name Step Functions gives
 * an error the service model does not list (throttling surfaces so: `ThrottlingException` is not in
 * AppStream's model).
 */
export const APPSTREAM_TRANSIENT_ERRORS = [
  'AppStream.ThrottlingException',
  'AppStream.RequestLimitExceededException',
  'AppStream.ConcurrentModificationException',
  'AppStream.AppStreamException',
];

/** The errors of an SSM or SNS call worth retrying. */
export const OTHER_TRANSIENT_ERRORS = [
  'Ssm.ThrottlingException',
  'Ssm.TooManyUpdatesException',
  'Ssm.SsmException',
  'Sns.ThrottledException',
  'Sns.SnsException',
];

/** Backoff: 5 s, 10 s, 20 s, 40 s, 80 s, 160 s (about five minutes in all), with jitter. */
export const TRANSIENT_RETRY: sfn.RetryProps = {
  interval: Duration.seconds(5),
  backoffRate: 2,
  maxAttempts: 6,
  jitterStrategy: sfn.JitterType.FULL,
};

/** Retry an AppStream task on throttling and concurrent modification, with backoff. */
export function appStreamRetry<T extends sfn.TaskStateBase | sfn.CustomState>(task: T): T {
  task.addRetry({ ...TRANSIENT_RETRY, errors: APPSTREAM_TRANSIENT_ERRORS });
  return task;
}

/** Retry an SSM or SNS task on throttling, with backoff. */
export function otherRetry<T extends sfn.TaskStateBase>(task: T): T {
  task.addRetry({ ...TRANSIENT_RETRY, errors: OTHER_TRANSIENT_ERRORS });
  return task;
}

/**
 * An AppStream SDK-integration task with its retries: the IAM action is the API action's own name
 * (`describeImages` → `appstream:DescribeImages`), so each task names its action once.
 */
export function appStreamCall(scope: Construct, id: string, props: Omit<tasks.CallAwsServiceProps, 'service' | 'iamAction'>): tasks.CallAwsService {
  return appStreamRetry(new tasks.CallAwsService(scope, id, {
    ...props,
    service: 'appstream',
    iamAction: `appstream:${props.action.charAt(0).toUpperCase()}${props.action.slice(1)}`,
  }));
}
