"""Run the image pipeline's state machine on moto's Step Functions engine, every scenario.

`python run_moto.py DEFINITION.json OUT.json [NODE]` (NODE runs the pipeline's Lambda function). moto executes the definition (`execute_state_machine`)
with real moto SSM and SNS; AppStream calls (moto has no AppStream) go through a botocore
`before-send` hook to the fake, which validates them against botocore's input shapes. Waits and retry
backoffs are recorded instead of slept. Two patches make moto behave as AWS does, each seen here:
- moto gives `$$.Execution.StartTime` as a Python datetime; Step Functions gives an ISO 8601 string
  with milliseconds (`2026-12-01T03:00:00.000Z`): the patch formats it so.
- moto 5.2.5 leaves an SDK task's parameters and result as written (its normalisation hooks are
  empty), where Step Functions maps PascalCase names onto the model's (`ExistingImageName` ->
  `existingImageName`) and the result's back to PascalCase, as JSON (timestamps become strings): the
  patch calls moto's own mappers and turns datetimes into ISO 8601 strings.
- moto names an SDK task's error `appstream.<Code>` (the service as written in the resource ARN);
  Step Functions says `AppStream.<Code>` (`Ssm.`, `Sns.`): the patch maps the service to that name.
"""
import datetime
import io
import json
import sys
import time
import types

import boto3
from botocore.awsrequest import AWSResponse
from moto import mock_aws
from moto.sns.models import sns_backends
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_aws_sdk import StateTaskServiceAwsSdk
from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction
from moto.stepfunctions.parser.backend.execution_worker import ExecutionWorker

sys.path.insert(0, __import__('os').path.dirname(__file__))
from fake_aws import ACCOUNT, MODELS, REGION, SFN_SERVICE, AwsError, FakeAws  # noqa: E402
import lambda_host  # noqa: E402
from scenarios import PARAMETER, check, scenarios  # noqa: E402

WAITS = []
# Waits and retry intervals: recorded, not slept.
WaitFunction._wait_interval = lambda self, env, wait_seconds: WAITS.append(('wait', wait_seconds))
retrier_decl.time = types.SimpleNamespace(sleep=lambda seconds: WAITS.append(('retry', seconds)))

# Step Functions' service names in errors: `AppStream.`, `Ssm.`, `Sns.` (moto keeps `appstream.`).
StateTaskServiceAwsSdk._normalise_service_error_name = staticmethod(lambda name: SFN_SERVICE.get(name.lower(), name))

_environment = ExecutionWorker._get_evaluation_environment


def _iso_start_time(self):
    details = self._evaluation_details.execution_details
    start = details.start_time
    details.start_time = start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.') + f'{start.microsecond // 1000:03d}Z'
    try:
        return _environment(self)
    finally:
        details.start_time = start


ExecutionWorker._get_evaluation_environment = _iso_start_time



def _operation(self, service_action_name=None):
    action = service_action_name or self.resource.api_action
    return MODELS_ALL[self._get_boto_service_name()].operation_model(action[:1].upper() + action[1:])


def _normalise_parameters(self, parameters, boto_service_name=None, service_action_name=None):
    self._to_boto_request(parameters, _operation(self, service_action_name).input_shape)


def _json_values(value):
    if isinstance(value, dict):
        return {k: _json_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_values(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def _normalise_response(self, response, boto_service_name=None, service_action_name=None):
    shape = _operation(self, service_action_name).output_shape
    if shape is not None:
        self._from_boto_response(response, shape)
    for key, value in list(response.items()):
        response[key] = _json_values(value)


MODELS_ALL = {name: __import__('botocore.session').session.get_session().get_service_model(name) for name in ('appstream', 'ssm', 'sns')}
StateTaskServiceAwsSdk._normalise_parameters = _normalise_parameters
StateTaskServiceAwsSdk._normalise_response = _normalise_response

FAKE = None
NODE = None  # a Node >= 22 binary, for the pipeline's Lambda function
TAGGER = None  # that function, as synth.ts found it: {code, functionArn}


def appstream_hook(request, **kwargs):
    """Answer an AppStream request from the fake: the JSON body is what botocore serialized."""
    operation = request.headers['X-Amz-Target'].decode().split('.')[-1] if isinstance(request.headers['X-Amz-Target'], bytes) else request.headers['X-Amz-Target'].split('.')[-1]
    params = json.loads(request.body or b'{}')
    try:
        result = FAKE.call('appstream', operation, params)
        status, body = 200, json.dumps(result, default=str)
    except AwsError as e:
        status, body = e.status, json.dumps({'__type': e.code, 'message': e.message})
    response = AWSResponse(request.url, status, {'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'fake-request'}, None)
    response._content = body.encode()
    return response


def lambda_hook(request, **kwargs):
    """The pipeline's Lambda function (its own code, under Node: lambda_host.py): the request body is its payload."""
    if TAGGER is None or NODE is None:
        raise RuntimeError('a Lambda task ran, but run() was given no function code or no Node binary')
    answer = lambda_host.invoke(NODE, TAGGER['code'], json.loads(request.body), TAGGER['functionArn'], FAKE)
    if 'errorType' in answer:
        body, headers = json.dumps(answer), {'X-Amz-Function-Error': 'Unhandled'}
    else:
        body, headers = json.dumps(answer['result']), {}
    data = body.encode()
    # Invoke's Payload is a streaming member: botocore reads it from the raw stream.
    response = AWSResponse(request.url, 200, {'Content-Type': 'application/json', 'Content-Length': str(len(data)),
                                              'x-amzn-RequestId': 'fake-request', **headers}, io.BytesIO(data))
    response._content = data
    return response


def run(definition, scenario, max_polls, node=None, tagger=None):
    """One execution. `tagger`: the Lambda function synth.ts found ({code, functionArn}), run under `node`."""
    global FAKE, NODE, TAGGER
    FAKE = FakeAws(scenario)
    NODE, TAGGER = node, tagger
    WAITS.clear()
    with mock_aws(config={'stepfunctions': {'execute_state_machine': True}}):
        boto3.setup_default_session(region_name=REGION)
        boto3.DEFAULT_SESSION.events.register('before-send.appstream', appstream_hook)
        boto3.DEFAULT_SESSION.events.register('before-send.lambda', lambda_hook)
        ssm = boto3.client('ssm', region_name=REGION)
        versions = scenario['parameters'][PARAMETER]
        ssm.put_parameter(Name=PARAMETER, Value=versions[0], Type='String')
        for value in versions[1:]:
            ssm.put_parameter(Name=PARAMETER, Value=value, Type='String', Overwrite=True)
        sns = boto3.client('sns', region_name=REGION)
        topic = sns.create_topic(Name='pipeline-topic')['TopicArn']
        sfn = boto3.client('stepfunctions', region_name=REGION)
        machine = sfn.create_state_machine(name='pipeline', definition=json.dumps(definition),
                                           roleArn=f'arn:aws:iam::{ACCOUNT}:role/pipeline')['stateMachineArn']
        started = time.time()
        execution = sfn.start_execution(stateMachineArn=machine, input='{}')['executionArn']
        while True:
            described = sfn.describe_execution(executionArn=execution)
            if described['status'] != 'RUNNING':
                break
            if time.time() - started > 60:
                raise RuntimeError('the execution did not end within 60 s')
            time.sleep(0.05)
        history = sfn.get_execution_history(executionArn=execution, maxResults=1000)['events']
        parameter = [p['Value'] for p in ssm.get_parameter_history(Name=PARAMETER)['Parameters']]
        notes = sns_backends[ACCOUNT][REGION].topics[topic].sent_notifications
        messages = [{'Subject': n[2], 'Message': n[1]} for n in notes]
        boto3.DEFAULT_SESSION.events.unregister('before-send.appstream', appstream_hook)
        boto3.DEFAULT_SESSION.events.unregister('before-send.lambda', lambda_hook)
    return {
        'engine': 'moto',
        'status': described['status'],
        'error': described.get('error'),
        'cause': described.get('cause'),
        'fake': FAKE.summary(),
        'parameter': parameter,
        'messages': messages,
        'maxPolls': max_polls,
        'transitions': sum(1 for e in history if e['type'].endswith('StateEntered')),
        'waits': list(WAITS),
        'seconds': round(time.time() - started, 3),
        'failures': [e for e in history if 'Failed' in e['type'] or 'Aborted' in e['type']][:5],
    }


def main():
    definition_file, out = sys.argv[1], sys.argv[2]
    node = sys.argv[3] if len(sys.argv) > 3 else None
    synthesized = json.load(open(definition_file))
    results = {}
    for name, scenario in scenarios(synthesized['owner']).items():
        outcome = run(synthesized['definition'], scenario, synthesized['maxPolls'], node=node, tagger=synthesized.get('tagger'))
        outcome['owner'] = synthesized['owner']
        try:
            outcome['problems'] = check(name, outcome)
        except Exception as e:  # a check that cannot even run is a failure of the scenario
            outcome['problems'] = [f'the checks raised {e!r}']
        results[name] = outcome
    json.dump(results, open(out, 'w'), indent=2, default=str)
    bad = {n: o['problems'] for n, o in results.items() if o['problems']}
    for name, outcome in results.items():
        print(f"moto  {'ok  ' if not outcome['problems'] else 'FAIL'} {name} ({outcome['status']}, {outcome['transitions']} states entered, {outcome['seconds']} s)")
    for name, problems in bad.items():
        print(f'moto  FAIL {name}:\n  - ' + '\n  - '.join(problems))
        print(f"      failures: {json.dumps(results[name]['failures'], default=str)[:1500]}")
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
