"""The recipe pipeline's engine tests (ImageSource.recipe; issue 21): every scenario of
recipe_scenarios.py on moto's Step Functions and on aws-local-stepfunctions, against the same fake
(fake_aws.py, whose image-builder block models the builders and whose stand-in agent answers the
hand-over as the agent inside the builder would).

`python run_recipe.py DEFINITION.json NODE [OUT.json]` (DEFINITION.json from synth-recipe.ts).

How each engine meets the task token:
- moto runs the `.waitForTaskToken` S3 PutObject against its own S3; a botocore hook on that call
  hands the request to the stand-in agent, which answers on moto's Step Functions with
  SendTaskHeartbeat, then SendTaskSuccess or SendTaskFailure (or stays silent), from a thread, as the
  agent does from the builder. moto sleeps heartbeat timeouts for real, so this runner shortens the
  hand-over's HeartbeatSeconds and TimeoutSeconds (to 2 and 30 seconds) in moto's copy of the
  definition; every other wait and retry is recorded, not slept (run_moto's patches).
- aws-local-stepfunctions has no task tokens or heartbeats: run-local.mjs posts the hand-over to
  /callback, where the fake makes the PutObject and answers as the agent would, or, for a silent
  agent, fails the task with States.HeartbeatTimeout, as Step Functions does.
Writes OUT.json (default test-reports/pipeline/recipe-results.json); exits 1 on any problem.
"""
import copy
import json
import os
import sys
import threading
import time

import boto3
from moto import mock_aws
from moto.sns.models import sns_backends

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run  # noqa: E402  (the aws-local-stepfunctions side, shared with the managed-updates runner)
import run_moto  # noqa: E402  (patches moto on import)
from fake_aws import ACCOUNT, MODELS, REGION, FakeAws  # noqa: E402
import recipe_scenarios  # noqa: E402

run_moto.MODELS_ALL['s3'] = MODELS['s3']
HAND_OVER = recipe_scenarios.BUILD_STEP
MOTO_HEARTBEAT_SECONDS = 2
MOTO_TIMEOUT_SECONDS = 30


def states_of(definition):
    """Every state of the definition, by name (branches and item processors too)."""
    out = {}

    def walk(states):
        for name, state in states.items():
            out[name] = state
            for branch in state.get('Branches', []):
                walk(branch['States'])
            if 'ItemProcessor' in state:
                walk(state['ItemProcessor']['States'])
    walk(definition['States'])
    return out


def for_moto(definition):
    quick = copy.deepcopy(definition)
    task = states_of(quick)[HAND_OVER]
    assert task['Resource'].endswith('s3:putObject.waitForTaskToken'), task['Resource']
    task['HeartbeatSeconds'] = MOTO_HEARTBEAT_SECONDS
    task['TimeoutSeconds'] = MOTO_TIMEOUT_SECONDS
    return quick


def answer_as_agent(fake, params):
    """The stand-in agent, in moto's process: read the request as written, answer on moto's Step Functions."""
    time.sleep(0.3)  # after the task has begun to wait, and the object is written
    # As the agent does: read the object and its metadata back from S3.
    got = boto3.client('s3', region_name=REGION).get_object(Bucket=params['Bucket'], Key=params['Key'])
    metadata = got['Metadata']
    answer = fake.agent_receive(params['Bucket'], params['Key'], got['Body'].read().decode(), metadata)
    token = metadata.get('task-token')
    if not token:
        return
    sfn = boto3.client('stepfunctions', region_name=REGION)
    if answer[0] == 'silent':
        return
    for _ in range(fake.scenario.get('agent', {}).get('heartbeats', 0)):
        sfn.send_task_heartbeat(taskToken=token)
        time.sleep(0.2)
    if answer[0] == 'success':
        sfn.send_task_success(taskToken=token, output=json.dumps(answer[1]))
    else:
        sfn.send_task_failure(taskToken=token, error=answer[1], cause=answer[2])


def run_moto_scenario(definition, scenario):
    fake = FakeAws(scenario)
    run_moto.FAKE = fake
    run_moto.WAITS.clear()
    agents = []

    def hand_over(params, **kwargs):
        if params.get('Bucket') == 'recipe-requests' and params.get('Key', '').endswith('/request.json'):
            t = threading.Thread(target=answer_as_agent, args=(fake, dict(params)), daemon=True)
            agents.append(t)
            t.start()

    with mock_aws(config={'stepfunctions': {'execute_state_machine': True}}):
        boto3.setup_default_session(region_name=REGION)
        boto3.DEFAULT_SESSION.events.register('before-send.appstream', run_moto.appstream_hook)
        boto3.DEFAULT_SESSION.events.register('before-parameter-build.s3.PutObject', hand_over)
        ssm = boto3.client('ssm', region_name=REGION)
        ssm.put_parameter(Name=recipe_scenarios.PARAMETER, Value=scenario['parameters'][recipe_scenarios.PARAMETER][0], Type='String')
        sns = boto3.client('sns', region_name=REGION)
        topic = sns.create_topic(Name='recipe-pipeline-topic')['TopicArn']
        boto3.client('s3', region_name=REGION).create_bucket(Bucket='recipe-requests')
        sfn = boto3.client('stepfunctions', region_name=REGION)
        machine = sfn.create_state_machine(name='recipe-pipeline', definition=json.dumps(for_moto(definition)),
                                           roleArn=f'arn:aws:iam::{ACCOUNT}:role/pipeline')['stateMachineArn']
        started = time.time()
        execution = sfn.start_execution(stateMachineArn=machine, input='{}')['executionArn']
        while True:
            described = sfn.describe_execution(executionArn=execution)
            if described['status'] != 'RUNNING':
                break
            if time.time() - started > 90:
                raise RuntimeError('the execution did not end within 90 s')
            time.sleep(0.05)
        for t in agents:
            t.join(5)
        history = sfn.get_execution_history(executionArn=execution, maxResults=1000)['events']
        parameter = [p['Value'] for p in ssm.get_parameter_history(Name=recipe_scenarios.PARAMETER)['Parameters']]
        notes = sns_backends[ACCOUNT][REGION].topics[topic].sent_notifications
        messages = [{'Subject': n[2], 'Message': n[1]} for n in notes]
        boto3.DEFAULT_SESSION.events.unregister('before-send.appstream', run_moto.appstream_hook)
        boto3.DEFAULT_SESSION.events.unregister('before-parameter-build.s3.PutObject', hand_over)
    return {
        'engine': 'moto', 'status': described['status'], 'error': described.get('error'), 'cause': described.get('cause'),
        'fake': fake.summary(), 'parameter': parameter, 'messages': messages,
        'transitions': sum(1 for e in history if e['type'].endswith('StateEntered')), 'seconds': round(time.time() - started, 3),
    }


def agent_answer(fake, params):
    """What the hand-over task ends with on aws-local-stepfunctions, which has no task tokens: the
    stand-in agent's report (success or failure), or, when it stays silent, the heartbeat timeout
    Step Functions raises."""
    agent = fake.agent_receive(params['Bucket'], params['Key'], params['Body'], params.get('Metadata', {}))
    if agent[0] == 'success':
        return {'result': agent[1]}
    if agent[0] == 'failure':
        return {'error': agent[1], 'message': agent[2]}
    return {'error': 'States.HeartbeatTimeout', 'message': 'no heartbeat within HeartbeatSeconds'}


def run_local(definition_file, node, some_scenarios):
    return run.run_local(definition_file, node, some_scenarios, recipe_scenarios.PARAMETER, callback=agent_answer)


def main():
    definition_file, node = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join('test-reports', 'pipeline', 'recipe-results.json')
    synthesized = json.load(open(definition_file))
    all_scenarios = recipe_scenarios.scenarios(synthesized['owner'])
    keep = recipe_scenarios.KEEP_SCENARIOS
    keep_file = os.path.join(os.path.dirname(os.path.abspath(definition_file)), 'recipe-definition-keep.json')
    json.dump({**synthesized['keep'], 'fake': synthesized['fake']}, open(keep_file, 'w'))
    results = {'moto': {}, 'aws-local-stepfunctions': {}}
    start = time.time()
    for name, scenario in all_scenarios.items():
        definition = synthesized['keep' if name in keep else 'definition']
        results['moto'][name] = run_moto_scenario(definition['definition'] if name in keep else definition, scenario)
    moto_seconds = time.time() - start
    start = time.time()
    results['aws-local-stepfunctions'] = run_local(definition_file, node, {n: s for n, s in all_scenarios.items() if n not in keep})
    results['aws-local-stepfunctions'].update(run_local(keep_file, node, {n: s for n, s in all_scenarios.items() if n in keep}))
    local_seconds = time.time() - start
    failed = False
    for engine, outcomes in results.items():
        for name, outcome in outcomes.items():
            if 'problems' not in outcome:
                try:
                    outcome['problems'] = recipe_scenarios.check(name, outcome)
                except Exception as e:  # a check that cannot run fails the scenario
                    outcome['problems'] = [f'the checks raised {e!r}']
            mark = 'ok  ' if not outcome['problems'] else 'FAIL'
            print(f"{engine:24} {mark} {name} ({outcome['status']}, {outcome.get('transitions')} states entered)")
            for problem in outcome['problems']:
                print(f'    - {problem}')
            failed = failed or bool(outcome['problems'])
    for name in all_scenarios:
        statuses = {engine: results[engine][name]['status'] for engine in results}
        if len(set(statuses.values())) != 1:
            print(f'engines disagree on {name!r}: {statuses}')
            failed = True
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    json.dump(results, open(out, 'w'), indent=2, default=str)
    print(f'{len(all_scenarios)} recipe scenarios x 2 engines: moto {moto_seconds:.1f} s, aws-local-stepfunctions {local_seconds:.1f} s; '
          f"{'FAILED' if failed else 'all passed'}")
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
