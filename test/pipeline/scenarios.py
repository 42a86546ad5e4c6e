"""The image pipeline's scenarios: the fake account each starts from, and what must hold after a run.

Each engine (run_moto.py, run-local.mjs through serve_fake.py) runs every scenario against a fresh
FakeAws and reports an outcome: the execution's status, the fake's state and calls, the parameter's
versions and the notifications. `check(name, outcome)` returns the problems, empty when all holds,
whichever engine ran it.
"""

PARAMETER = '/pipeline/latest'
SOURCE = 'Desktops-Base'
PREFIX = 'Desktops-'
OTHER_ACCOUNT = '111122223333'


def base(**extra):
    scenario = {
        'images': {SOURCE: {}},
        'fleets': {'fleet-a': SOURCE, 'fleet-b': SOURCE},
        'parameters': {PARAMETER: [SOURCE]},
        'update': {'outcome': 'AVAILABLE', 'describesUntilDone': 2},
    }
    scenario.update(extra)
    return scenario


def history(*names):
    return {PARAMETER: list(names)}


def owned(owner):
    return {'team': 'desktops', 'AppStreamImagePipeline': owner}


def scenarios(owner):
    """The scenarios, given the pipeline's tag value (its construct address)."""
    old = {'Desktops-2026-10-01T030000': {'tags': owned(owner)}, 'Desktops-2026-11-01T030000': {'tags': owned(owner)}}
    return {
        'happy path': base(),
        # The re-tagging of copies (issue 20): the copy in eu-west-1 cannot be tagged (it never
        # appears there), or its tagging is throttled twice.
        'a copy cannot be tagged': base(tagFailures={'eu-west-1': {'error': 'ResourceNotFoundException', 'message': 'The image does not exist in eu-west-1.'}}),
        'tagging a copy is throttled, then succeeds': base(throttle={'TagResource': 2}),
        'dry run: the image cannot be updated': base(dryRun={'canUpdateImage': False}),
        'dry run: AWS refuses the image': base(dryRun={'error': 'IncompatibleImageException', 'message': 'The image is not compatible with managed updates.'}),
        'the update ends FAILED': base(update={'outcome': 'FAILED', 'describesUntilDone': 3, 'reason': 'Windows Update failed on the builder.'}),
        'the image is not ready in time': base(update={'outcome': 'PENDING'}),
        'a fleet update fails': base(fleetFailures={'fleet-b': {'error': 'IncompatibleImageException', 'message': 'The image platform does not match the fleet.'}}),
        'retention deletes the image two runs old': base(
            images={SOURCE: {}, **old},
            parameters=history(SOURCE, 'Desktops-2026-10-01T030000', 'Desktops-2026-11-01T030000')),
        'retention skips an image in use': base(
            images={SOURCE: {}, **old},
            fleets={'fleet-a': SOURCE, 'fleet-b': SOURCE, 'other-fleet': 'Desktops-2026-10-01T030000'},
            parameters=history(SOURCE, 'Desktops-2026-10-01T030000', 'Desktops-2026-11-01T030000')),
        'retention skips a shared image': base(
            images={SOURCE: {}, **old},
            permissions={'Desktops-2026-10-01T030000': {OTHER_ACCOUNT: {'allowFleet': True}}},
            parameters=history(SOURCE, 'Desktops-2026-10-01T030000', 'Desktops-2026-11-01T030000')),
        'retention skips an image it did not make': base(
            images={SOURCE: {}, 'Desktops-2026-10-01T030000': {'tags': {'team': 'desktops'}}, 'Desktops-2026-11-01T030000': {'tags': owned(owner)}},
            parameters=history(SOURCE, 'Desktops-2026-10-01T030000', 'Desktops-2026-11-01T030000')),
        'retention skips an image a builder uses': base(
            images={SOURCE: {}, **old},
            builders={'builder-1': 'Desktops-2026-10-01T030000'},
            parameters=history(SOURCE, 'Desktops-2026-10-01T030000', 'Desktops-2026-11-01T030000')),
        'a misspelt parameter fails as AWS would': base(),
        'throttling, then success': base(throttle={'DescribeImages': 2, 'UpdateImagePermissions': 1, 'UpdateFleet': 1}),
    }


def calls(outcome, operation, result=None):
    return [c for c in outcome['fake']['calls'] if c['operation'] == operation and (result is None or c['outcome'] == result)]


def new_image(outcome):
    made = [c['params'].get('newImageName') for c in calls(outcome, 'CreateUpdatedImage', 'ok') if not c['params'].get('dryRun')]
    return made[0] if made else None


def check(name, outcome):
    """The problems of `outcome` for scenario `name`; empty when everything holds."""
    problems = []

    def expect(condition, what):
        if not condition:
            problems.append(what)

    fake = outcome['fake']
    status = outcome['status']
    image = new_image(outcome)
    versions = outcome['parameter']
    messages = outcome['messages']
    invalid = [c for c in fake['calls'] if c['outcome'] == 'ValidationException']
    expect(not invalid, f'every request matches its botocore input shape: {invalid}')
    expect(len(messages) == 1, f'exactly one notification: {messages}')
    message = messages[0]['Message'] if messages else ''
    dry = calls(outcome, 'CreateUpdatedImage')
    expect(dry and dry[0]['params'].get('dryRun') is True, 'the first CreateUpdatedImage is a dry run')

    def failed(*fragments):
        expect(status == 'FAILED', f'the execution FAILED (it is {status})')
        expect(versions == [SOURCE], f'the parameter still names the source only: {versions}')
        expect(set(fake['fleets'].values()) == {SOURCE}, f"no fleet changed image: {fake['fleets']}")
        expect('failed' in message, f'the notification says the run failed: {message}')
        for fragment in fragments:
            expect(fragment in message, f'the notification names {fragment!r}: {message}')

    def succeeded():
        expect(status == 'SUCCEEDED', f'the execution SUCCEEDED (it is {status}; {outcome.get("error")}: {outcome.get("cause")})')
        expect(image is not None and image.startswith(PREFIX) and len(image) == len(PREFIX) + 17, f'the image is named prefix + timestamp: {image}')
        expect(fake['images'].get(image, {}).get('State') == 'AVAILABLE', f'the new image is AVAILABLE: {fake["images"].get(image)}')
        expect(fake['images'].get(image, {}).get('Tags', {}).get('team') == 'desktops', 'the new image carries the tags of the props')
        expect(versions[-1] == image, f'the parameter names the new image last: {versions}')
        expect(fake['fleets']['fleet-a'] == image and fake['fleets']['fleet-b'] == image, f"both fleets took the new image: {fake['fleets']}")
        expect(fake['permissions'].get(image) == {OTHER_ACCOUNT: {'allowFleet': True, 'allowImageBuilder': False}}, f"shared with {OTHER_ACCOUNT}: {fake['permissions']}")
        expect(fake['copies'] == [{'name': image, 'region': 'eu-west-1', 'tags': {'team': 'desktops', 'AppStreamImagePipeline': outcome['owner']}}],
               f"copied to eu-west-1 and tagged there: {fake['copies']}")
        expect(image in message and 'AVAILABLE' in message, f'the notification names the image: {message}')
        order = [c['operation'] for c in fake['calls'] if c['outcome'] == 'ok']
        expect(order.index('UpdateImagePermissions') < order.index('UpdateFleet'), 'shared before the roll-out')

    if name == 'happy path':
        succeeded()
        expect(len(calls(outcome, 'DescribeImages')) == 2, 'polled twice: PENDING, then AVAILABLE')
        expect(not calls(outcome, 'DeleteImage'), 'nothing to prune: no image two runs old')
        retag_problems(outcome, image, expect)
    elif name == 'a copy cannot be tagged':
        failed('ResourceNotFoundException', 'does not exist in eu-west-1', image or '?')
        tags = calls(outcome, 'TagResource')
        # One call and the 6 retries of the task (lib/private/pipeline-retry.ts TRANSIENT_RETRY).
        expect(len(tags) == 7 and all(c['region'] == 'eu-west-1' for c in tags), f'tagged in eu-west-1, retried 6 times: {tags}')
        expect(fake['copies'] == [{'name': image, 'region': 'eu-west-1'}], f"the copy was made, untagged: {fake['copies']}")
    elif name == 'tagging a copy is throttled, then succeeds':
        succeeded()
        throttled = [c for c in calls(outcome, 'TagResource') if c['outcome'] == 'ThrottlingException']
        expect(len(throttled) == 2, f'TagResource throttled twice, then retried: {throttled}')
        retag_problems(outcome, image, expect)
    elif name == 'dry run: the image cannot be updated':
        failed('CannotUpdateImage')
        expect(len(calls(outcome, 'CreateUpdatedImage')) == 1, 'only the dry run was sent')
    elif name == 'dry run: AWS refuses the image':
        failed('IncompatibleImageException', 'not compatible with managed updates')
        expect(len(calls(outcome, 'CreateUpdatedImage')) == 1, 'only the dry run was sent')
    elif name == 'the update ends FAILED':
        failed('ImageFailed', 'Windows Update failed on the builder', image or '?')
        expect(len(calls(outcome, 'DescribeImages')) == 3, 'polled until FAILED')
    elif name == 'the image is not ready in time':
        failed('ImagePipeline.Timeout', image or '?')
        expect(len(calls(outcome, 'DescribeImages')) == outcome['maxPolls'], f"polled exactly {outcome['maxPolls']} times (the bound)")
    elif name == 'a fleet update fails':
        expect(status == 'FAILED', f'the execution FAILED (it is {status})')
        expect(versions[-1] == image, f'the image was recorded before the roll-out: {versions}')
        expect(fake['fleets']['fleet-a'] == image and fake['fleets']['fleet-b'] == SOURCE, f"fleet-a updated, fleet-b not: {fake['fleets']}")
        for fragment in ('failed', image or '?', 'IncompatibleImageException', 'platform does not match'):
            expect(fragment in message, f'the notification names {fragment!r}: {message}')
    elif name == 'retention deletes the image two runs old':
        succeeded()
        expect('Desktops-2026-10-01T030000' not in fake['images'], 'the image two runs old is deleted')
        expect('Desktops-2026-11-01T030000' in fake['images'] and SOURCE in fake['images'], 'the newer image and the source stay')
    elif name == 'a misspelt parameter fails as AWS would':
        # Run on a copy of the definition whose update says NewImageNam (see run.py): the request
        # must not reach the image model, and nothing may change.
        expect(status == 'FAILED', f'the execution FAILED (it is {status})')
        expect(image is None, f'no image was made: {image}')
        expect(versions == [SOURCE] and set(fake['fleets'].values()) == {SOURCE}, 'nothing changed')
        problems[:] = [p for p in problems if not p.startswith('every request matches') and not p.startswith('exactly one notification')]
    elif name in ('retention skips an image in use', 'retention skips an image a builder uses', 'retention skips a shared image', 'retention skips an image it did not make'):
        succeeded()
        expect('Desktops-2026-10-01T030000' in fake['images'], 'the image two runs old stays')
        expect(not calls(outcome, 'DeleteImage'), 'no DeleteImage was sent')
    elif name == 'throttling, then success':
        succeeded()
        throttled = [c['operation'] for c in fake['calls'] if c['outcome'] == 'ThrottlingException']
        expect(sorted(throttled) == ['DescribeImages', 'DescribeImages', 'UpdateFleet', 'UpdateImagePermissions'], f'each throttled call was retried: {throttled}')
    else:
        problems.append(f'no checks for scenario {name!r}')
    return problems


def retag_problems(outcome, image, expect):
    """The copy in eu-west-1 was tagged there once, by its ARN in that Region (the re-tagging of issue 20)."""
    ok = calls(outcome, 'TagResource', 'ok')
    arn = f'arn:aws:appstream:eu-west-1:123456789012:image/{image}'
    expect([(c['region'], c['params']['ResourceArn']) for c in ok] == [('eu-west-1', arn)], f'one TagResource in eu-west-1 on {arn}: {ok}')
