"""The recipe pipeline's scenarios (ImageSource.recipe; issue 21): the fake account each starts from,
what the stand-in agent answers, and what must hold after a run, whichever engine ran it.

Every scenario ends with the run's builder deleted and exactly one notification; a failed one names
the step that failed and AWS's or the agent's error (moto 5.2.5 drops SendTaskFailure's cause and
names a heartbeat timeout States.Timeout where AWS says States.HeartbeatTimeout: the checks accept
what each engine is known to say, and nothing else).
"""

PARAMETER = '/recipe-pipeline/latest'
BASE_IMAGE = 'Crm-WinServer2022-agent'
PREFIX = 'Crm-'
BUILD_STEP = 'Build in the image builder'
KEEP = 'recipe: keepBuilderOnFailure keeps the failed run\'s builder, stopped'
KEEP_SCENARIOS = {KEEP}


def base(**extra):
    scenario = {
        'images': {BASE_IMAGE: {}},
        'fleets': {},
        'parameters': {PARAMETER: [BASE_IMAGE]},
        'update': {'outcome': 'AVAILABLE', 'describesUntilDone': 2},
        'builder': {'describesUntilRunning': 2, 'outcome': 'RUNNING'},
        'agent': {'report': 'success', 'heartbeats': 2},
    }
    scenario.update(extra)
    return scenario


def agent_fails(error, cause):
    return {'report': 'failure', 'error': error, 'cause': cause, 'heartbeats': 1}


def scenarios(owner):
    return {
        'recipe: happy path': base(),
        'recipe: a component fails (exit code)': base(agent=agent_fails(
            'Component.ExitCode', 'component 1 of 1 (install) exited with code 3 (success: [0]); output: setup.exe: disk full')),
        'recipe: a component times out': base(agent=agent_fails(
            'Component.Timeout', 'component 1 of 1 (install) did not finish within 20m0s; output: waiting for the licence server')),
        'recipe: the agent never reports (heartbeat timeout)': base(agent={'report': 'silent'}),
        'recipe: add-application refused': base(agent=agent_fails(
            'ImageAssistant.AddApplication', 'image-assistant.exe add-application --name Crm refused (status 1, exit status 1): "The application path does not exist."')),
        'recipe: the image ends FAILED': base(update={'outcome': 'FAILED', 'describesUntilDone': 2, 'reason': 'The image could not be snapshotted.'}),
        'recipe: the builder fails to start': base(builder={'describesUntilRunning': 2, 'outcome': 'FAILED', 'reason': 'The subnet has no free IP address.'}),
        'recipe: AWS refuses the builder': base(builder={'createError': {'error': 'InvalidRoleException', 'message': 'AppStream cannot assume the role recipe-builder.'}}),
        # Run on the definition synthesized with keepBuilderOnFailure (KEEP_SCENARIOS).
        KEEP: base(agent=agent_fails('Component.ExitCode', 'component 1 of 1 (install) exited with code 1 (success: [0]); output: missing prerequisite')),
    }


def check(name, outcome):
    problems = []

    def expect(condition, what):
        if not condition:
            problems.append(what)

    engine = outcome['engine']
    fake = outcome['fake']
    status = outcome['status']
    messages = outcome['messages']
    calls = fake['calls']
    invalid = [c for c in calls if c['outcome'] == 'ValidationException']
    expect(not invalid, f'every request matches its botocore input shape: {invalid}')
    expect(len(messages) == 1, f'exactly one notification: {messages}')
    message = messages[0]['Message'] if messages else ''
    created = [c for c in calls if c['operation'] == 'CreateImageBuilder' and c['outcome'] == 'ok']
    builder = created[0]['params']['Name'] if created else None
    if name in KEEP_SCENARIOS:
        expect(builder is not None and fake['builders'] == {builder: 'STOPPING'}, f'the failed run kept its builder, stopping: {fake["builders"]}')
        stops = [c for c in calls if c['operation'] == 'StopImageBuilder' and c['outcome'] == 'ok']
        expect([c['params']['Name'] for c in stops] == [builder], f'the kept builder was stopped: {stops}')
        expect(not [c for c in calls if c['operation'] == 'DeleteImageBuilder'], 'the kept builder was not deleted')
    else:
        expect(fake['builders'] == {}, f'no builder is left: {fake["builders"]}')
    if created and name not in KEEP_SCENARIOS:
        deletes = [c for c in calls if c['operation'] == 'DeleteImageBuilder' and c['outcome'] == 'ok']
        expect([c['params']['Name'] for c in deletes] == [builder], f'the run deleted its builder {builder}: {deletes}')
        expect(builder.startswith(PREFIX) and len(builder) == len(PREFIX) + 17, f'the builder is named as the image: {builder}')
    for report in fake['agent']:
        expect(not report['problems'], f'the agent took the request: {report}')

    def failed(*fragments):
        expect(status == 'FAILED', f'the execution FAILED (it is {status})')
        expect(outcome['parameter'] == [BASE_IMAGE], f"the parameter still names the base image only: {outcome['parameter']}")
        expect('failed' in message, f'the notification says the run failed: {message}')
        for fragment in fragments:
            options = fragment if isinstance(fragment, tuple) else (fragment,)
            expect(any(f in message for f in options), f'the notification names {" or ".join(options)}: {message}')

    def agent_failed(error, cause):
        # moto 5.2.5 drops SendTaskFailure's cause; aws-local-stepfunctions and AWS keep it.
        failed(BUILD_STEP, error, *([cause] if engine != 'moto' else []))
        expect(len(fake['agent']) == 1, f"the request was handed over once: {fake['agent']}")

    if name == 'recipe: happy path':
        expect(status == 'SUCCEEDED', f'the execution SUCCEEDED (it is {status}; {outcome.get("error")}: {outcome.get("cause")})')
        image = builder
        expect(fake['images'].get(image, {}).get('State') == 'AVAILABLE', f'the new image is AVAILABLE: {fake["images"].get(image)}')
        tags = fake['images'].get(image, {}).get('Tags', {})
        expect(tags.get('app') == 'crm' and tags.get('team') == 'crm' and 'AppStreamImagePipeline' in tags, f"the image carries the recipe's and the pipeline's tags: {tags}")
        expect(outcome['parameter'][-1] == image, f"the parameter names the new image: {outcome['parameter']}")
        expect(image in message and 'AVAILABLE' in message, f'the notification names the image: {message}')
        expect(fake['agent'] and fake['agent'][0]['key'] == f'requests/{builder}/request.json', f"the request is the builder's: {fake['agent']}")
        order = [c['operation'] for c in calls if c['outcome'] == 'ok']
        expect(order.index('CreateImageBuilder') < order.index('DescribeImages') < order.index('DeleteImageBuilder'),
               f'built, then waited for the image, then deleted the builder: {order}')
    elif name == 'recipe: a component fails (exit code)':
        agent_failed('Component.ExitCode', 'exited with code 3')
    elif name == 'recipe: a component times out':
        agent_failed('Component.Timeout', 'did not finish within 20m0s')
    elif name == 'recipe: the agent never reports (heartbeat timeout)':
        failed(BUILD_STEP, ('States.HeartbeatTimeout',) if engine != 'moto' else ('States.HeartbeatTimeout', 'States.Timeout'))
    elif name == 'recipe: add-application refused':
        agent_failed('ImageAssistant.AddApplication', 'The application path does not exist.')
    elif name == 'recipe: the image ends FAILED':
        failed('ImageFailed', 'The image could not be snapshotted.', builder or '?')
    elif name == 'recipe: the builder fails to start':
        failed('BuilderFailed', 'The subnet has no free IP address.')
        expect(not fake['agent'], 'no request was handed over')
    elif name == KEEP:
        agent_failed('Component.ExitCode', 'missing prerequisite')
    elif name == 'recipe: AWS refuses the builder':
        failed('Create the image builder', 'InvalidRoleException', 'AppStream cannot assume the role')
        expect(not created, 'no builder was made')
    else:
        problems.append(f'no checks for scenario {name!r}')
    return problems
