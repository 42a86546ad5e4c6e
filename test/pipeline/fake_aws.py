"""A fake AppStream (with just enough SSM and SNS for the Node engine), for the image pipeline's engine tests.

There is no AppStream emulator anywhere, so this one is small and strict: every request is validated
against botocore's input shape for the operation (unknown, misspelt or missing members and wrong types
fail as AWS would fail them, with a ValidationException), and every answer is checked against the
operation's output shape before it is returned. Image states follow botocore's ImageState enum:
CreateUpdatedImage makes an image PENDING, which turns AVAILABLE or FAILED (or stays PENDING, for
the timeout scenario) after a scenario-given number of DescribeImages calls.

Both engines call the same `FakeAws.call(service, operation, params)`: moto through a botocore
`before-send` hook (moto has already mapped Step Functions' PascalCase names onto the model's), the
Node engine through `serve_fake.py` (from PascalCase, mapped here by `from_sfn_case`).
"""
import copy
import datetime

import botocore.session
from botocore.validate import ParamValidator

SESSION = botocore.session.get_session()
MODELS = {name: SESSION.get_service_model(name) for name in ('appstream', 'ssm', 'sns')}
# Step Functions' names for the services, in error names (`AppStream.ResourceNotFoundException`).
SFN_SERVICE = {'appstream': 'AppStream', 'ssm': 'Ssm', 'sns': 'Sns'}
REGION = 'us-east-1'
ACCOUNT = '123456789012'


class AwsError(Exception):
    """An AWS error response: its code and message."""

    def __init__(self, code, message, status=400):
        super().__init__(f'{code}: {message}')
        self.code = code
        self.message = message
        self.status = status


def operation_model(service, operation):
    return MODELS[service].operation_model(operation)


def sfn_error_name(service, operation, code):
    """The error name Step Functions gives an SDK task's error: the modeled code, or <Service>Exception."""
    svc = SFN_SERVICE[service]
    modeled = {e.name for e in operation_model(service, operation).error_shapes}
    if code not in modeled:
        return f'{svc}.{svc}Exception'
    return f'{svc}.{code}' if code.endswith('Exception') else f'{svc}.{code}Exception'


def validate(shape, params, what):
    report = ParamValidator().validate(params, shape)
    if report.has_errors():
        raise AwsError('ValidationException', f'{what}: {report.generate_report()}')


def from_sfn_case(shape, value):
    """Map Step Functions' PascalCase member names onto the model's (`ExistingImageName` -> `existingImageName`)."""
    if shape is None:
        return value
    if shape.type_name == 'structure' and isinstance(value, dict):
        out = {}
        for key, v in value.items():
            member = next((m for m in shape.members if m == key or m[:1].upper() + m[1:] == key), key)
            out[member] = from_sfn_case(shape.members.get(member), v)
        return out
    if shape.type_name == 'list' and isinstance(value, list):
        return [from_sfn_case(shape.member, v) for v in value]
    if shape.type_name == 'map' and isinstance(value, dict):
        return {k: from_sfn_case(shape.value, v) for k, v in value.items()}
    return value


def to_sfn_case(shape, value):
    """Step Functions' output: structure member names in PascalCase (map keys untouched), timestamps as strings."""
    if shape is None:
        return value
    if shape.type_name == 'structure' and isinstance(value, dict):
        return {k[:1].upper() + k[1:]: to_sfn_case(shape.members.get(k), v) for k, v in value.items()}
    if shape.type_name == 'list' and isinstance(value, list):
        return [to_sfn_case(shape.member, v) for v in value]
    if shape.type_name == 'map' and isinstance(value, dict):
        return {k: to_sfn_case(shape.value, v) for k, v in value.items()}
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def image_arn(name, region=REGION):
    return f'arn:aws:appstream:{region}:{ACCOUNT}:image/{name}'


class FakeAws:
    """The state of one scenario's account, and the calls made to it."""

    def __init__(self, scenario):
        self.scenario = copy.deepcopy(scenario)
        self.clock = datetime.datetime(2026, 12, 1, 3, 0, 0, tzinfo=datetime.timezone.utc)
        self.images = {}
        for name, image in self.scenario.get('images', {}).items():
            self._add_image(name, image.get('state', 'AVAILABLE'), image.get('tags', {}))
        self.permissions = {name: dict(p) for name, p in self.scenario.get('permissions', {}).items()}
        self.fleets = {name: {'Name': name, 'ImageName': image, 'State': 'RUNNING'} for name, image in self.scenario.get('fleets', {}).items()}
        self.builders = {name: {'Name': name, 'ImageArn': image_arn(image), 'State': 'STOPPED'} for name, image in self.scenario.get('builders', {}).items()}
        self.copies = []
        self.parameters = {}  # only for the Node engine; moto has its own SSM
        for name, values in self.scenario.get('parameters', {}).items():
            self.parameters[name] = list(values)
        self.messages = []  # only for the Node engine; moto has its own SNS
        self.calls = []  # (service, operation, params, outcome)
        self.throttles = dict(self.scenario.get('throttle', {}))

    # -- the entry point ---------------------------------------------------------------------------

    def call(self, service, operation, params):
        """Validate `params` against the operation's input shape, apply it, return the output (model names)."""
        op = operation_model(service, operation)
        try:
            validate(op.input_shape, params, f'{operation} request')
            if self.throttles.get(operation, 0) > 0:
                self.throttles[operation] -= 1
                raise AwsError('ThrottlingException', 'Rate exceeded')
            handler = getattr(self, f'{service}_{operation}', None)
            if handler is None:
                raise AwsError('UnknownOperationException', f'the fake does not implement {service}:{operation}')
            result = handler(params) or {}
            if op.output_shape is not None:
                validate(op.output_shape, result, f'{operation} response (a defect of the fake)')
            self.calls.append({'service': service, 'operation': operation, 'params': params, 'outcome': 'ok'})
            return result
        except AwsError as e:
            self.calls.append({'service': service, 'operation': operation, 'params': params, 'outcome': e.code, 'message': e.message})
            raise

    def summary(self):
        """What the checks look at, as JSON."""
        return {
            'images': {n: {'State': i['State'], 'Tags': i['Tags']} for n, i in self.images.items()},
            'fleets': {n: f['ImageName'] for n, f in self.fleets.items()},
            'permissions': self.permissions,
            'copies': self.copies,
            'calls': self.calls,
            'parameters': self.parameters,
            'messages': self.messages,
        }

    # -- AppStream ---------------------------------------------------------------------------------

    def _add_image(self, name, state, tags):
        self.clock += datetime.timedelta(minutes=1)
        self.images[name] = {'Name': name, 'Arn': image_arn(name), 'State': state, 'Tags': dict(tags),
                             'CreatedTime': self.clock, 'Platform': 'WINDOWS_SERVER_2022', 'Visibility': 'PRIVATE', 'Describes': 0}

    def _image(self, name):
        if name not in self.images:
            raise AwsError('ResourceNotFoundException', f'The image {name} does not exist.')
        return self.images[name]

    def _public(self, image):
        return {k: v for k, v in image.items() if k not in ('Tags', 'Describes', 'Reason')} | (
            {'StateChangeReason': image['Reason']} if 'Reason' in image else {})

    def appstream_CreateUpdatedImage(self, p):
        existing = self._image(p['existingImageName'])
        if existing['State'] != 'AVAILABLE':
            raise AwsError('OperationNotPermittedException', f"The image {p['existingImageName']} is not AVAILABLE.")
        dry = self.scenario.get('dryRun', {})
        if 'error' in dry:
            raise AwsError(dry['error'], dry['message'])
        can = dry.get('canUpdateImage', True)
        if p['newImageName'] in self.images:
            raise AwsError('ResourceAlreadyExistsException', f"The image {p['newImageName']} already exists.")
        if p.get('dryRun'):
            return {'canUpdateImage': can}
        if not can:
            raise AwsError('OperationNotPermittedException', 'The image cannot be updated.')
        self._add_image(p['newImageName'], 'PENDING', p.get('newImageTags', {}))
        return {'image': self._public(self.images[p['newImageName']]), 'canUpdateImage': True}

    def appstream_DescribeImages(self, p):
        names = p.get('Names')
        if names is None:
            return {'Images': [self._public(i) for i in self.images.values()]}
        found = [self._image(n) for n in names]
        update = self.scenario.get('update', {})
        for image in found:
            if image['State'] == 'PENDING':
                image['Describes'] += 1
                if image['Describes'] >= update.get('describesUntilDone', 2) and update.get('outcome', 'AVAILABLE') != 'PENDING':
                    image['State'] = update.get('outcome', 'AVAILABLE')
                    if image['State'] == 'FAILED':
                        image['Reason'] = {'Code': 'INTERNAL_ERROR', 'Message': update.get('reason', 'The image could not be updated.')}
        return {'Images': [self._public(i) for i in found]}

    def appstream_UpdateImagePermissions(self, p):
        if self._image(p['Name'])['State'] != 'AVAILABLE':
            raise AwsError('ResourceNotAvailableException', f"The image {p['Name']} is not AVAILABLE.")
        self.permissions.setdefault(p['Name'], {})[p['SharedAccountId']] = p['ImagePermissions']
        return {}

    def appstream_DescribeImagePermissions(self, p):
        self._image(p['Name'])
        shared = [{'sharedAccountId': a, 'imagePermissions': perms} for a, perms in self.permissions.get(p['Name'], {}).items()]
        return {'Name': p['Name'], 'SharedImagePermissionsList': shared}

    def appstream_CopyImage(self, p):
        if self._image(p['SourceImageName'])['State'] != 'AVAILABLE':
            raise AwsError('ResourceNotAvailableException', f"The image {p['SourceImageName']} is not AVAILABLE.")
        self.copies.append({'name': p['DestinationImageName'], 'region': p['DestinationRegion']})
        return {'DestinationImageName': p['DestinationImageName']}

    # -- the re-tagging of copies (issue 20): TagResource, as the pipeline's Lambda function calls it --

    def call_in_region(self, region, service, operation, params):
        """`call`, from an SDK client of `region` (the pipeline's Lambda function): the call is recorded with it."""
        self.caller_region = region
        try:
            return self.call(service, operation, params)
        finally:
            self.caller_region = REGION
            self.calls[-1]['region'] = region

    def appstream_TagResource(self, p):
        """Tag an image, or a copy in another Region; an ARN of another Region than the client's is not found."""
        arn = p['ResourceArn'].split(':')
        region, name = arn[3], p['ResourceArn'].split('/', 1)[1]
        caller = getattr(self, 'caller_region', REGION)
        if region != caller or arn[4] != ACCOUNT or not arn[5].startswith('image/'):
            raise AwsError('ResourceNotFoundException', f"The resource {p['ResourceArn']} does not exist in {caller}.")
        failure = self.scenario.get('tagFailures', {}).get(region)
        if failure:
            raise AwsError(failure['error'], failure['message'])
        if region == REGION:
            self._image(name)['Tags'].update(p['Tags'])
            return {}
        copy = next((c for c in self.copies if c['name'] == name and c['region'] == region), None)
        if copy is None:
            raise AwsError('ResourceNotFoundException', f'The image {name} does not exist in {region}.')
        copy.setdefault('tags', {}).update(p['Tags'])
        return {}

    # -- end of the re-tagging block ---------------------------------------------------------------

    def appstream_UpdateFleet(self, p):
        name = p.get('Name')
        if name not in self.fleets:
            raise AwsError('ResourceNotFoundException', f'The fleet {name} does not exist.')
        failure = self.scenario.get('fleetFailures', {}).get(name)
        if failure:
            raise AwsError(failure['error'], failure['message'])
        image = self._image(p['ImageName'])
        if image['State'] != 'AVAILABLE':
            raise AwsError('ResourceNotAvailableException', f"The image {p['ImageName']} is not AVAILABLE.")
        self.fleets[name]['ImageName'] = p['ImageName']
        return {'Fleet': {'Name': name, 'Arn': f'arn:aws:appstream:{REGION}:{ACCOUNT}:fleet/{name}', 'InstanceType': 'stream.standard.medium',
                          'ComputeCapacityStatus': {'Desired': 1}, 'State': 'RUNNING', 'ImageName': p['ImageName']}}

    def appstream_DescribeFleets(self, p):
        return {'Fleets': [{'Name': f['Name'], 'Arn': f'arn:aws:appstream:{REGION}:{ACCOUNT}:fleet/{f["Name"]}', 'InstanceType': 'stream.standard.medium',
                            'ComputeCapacityStatus': {'Desired': 1}, 'State': f['State'], 'ImageName': f['ImageName']} for f in self.fleets.values()]}

    def appstream_DescribeImageBuilders(self, p):
        return {'ImageBuilders': [{'Name': b['Name'], 'Arn': f'arn:aws:appstream:{REGION}:{ACCOUNT}:image-builder/{b["Name"]}',
                                   'ImageArn': b['ImageArn'], 'State': b['State']} for b in self.builders.values()]}

    def appstream_ListTagsForResource(self, p):
        name = p['ResourceArn'].split('/', 1)[1]
        return {'Tags': self._image(name)['Tags']}

    def appstream_DeleteImage(self, p):
        image = self._image(p['Name'])
        if p['Name'] in {f['ImageName'] for f in self.fleets.values()}:
            raise AwsError('ResourceInUseException', f"The image {p['Name']} is in use.")
        del self.images[p['Name']]
        return {'Image': self._public(image) | {'State': 'DELETING'}}

    # -- SSM and SNS (the Node engine only) --------------------------------------------------------

    def ssm_GetParameter(self, p):
        name, _, version = p['Name'].partition(':')
        if name not in self.parameters:
            raise AwsError('ParameterNotFound', f'Parameter {name} not found.')
        values = self.parameters[name]
        v = int(version) if version else len(values)
        if v < 1 or v > len(values):
            raise AwsError('ParameterVersionNotFound', f'Version {v} of {name} not found.')
        return {'Parameter': {'Name': name, 'Type': 'String', 'Value': values[v - 1], 'Version': v}}

    def ssm_PutParameter(self, p):
        name = p['Name']
        if name in self.parameters and not p.get('Overwrite'):
            raise AwsError('ParameterAlreadyExists', f'Parameter {name} exists.')
        self.parameters.setdefault(name, []).append(p['Value'])
        return {'Version': len(self.parameters[name]), 'Tier': 'Standard'}

    def sns_Publish(self, p):
        self.messages.append({'Subject': p.get('Subject'), 'Message': p['Message']})
        return {'MessageId': f'm-{len(self.messages)}'}


# == Image builders, S3 and the stand-in agent (ImageSource.recipe; issue 21) ===========================
# Kept in this block, apart from the distribution part above. Builder states follow botocore's
# ImageBuilderState: CreateImageBuilder makes a builder PENDING, which turns RUNNING (or FAILED) after a
# scenario-given number of DescribeImageBuilders calls; StopImageBuilder takes a RUNNING builder to
# STOPPING, then STOPPED; create-image (played by the stand-in agent) takes it to SNAPSHOTTING, then
# STOPPED; DeleteImageBuilder takes only a STOPPED or FAILED builder. The request object is validated
# against the agent's own schema (agent/schema/request-v1.schema.json) before the stand-in agent acts.
import json as _json  # noqa: E402
import os as _os  # noqa: E402

import jsonschema as _jsonschema  # noqa: E402  (cfn-lint's dependency, in the project venv)

MODELS['s3'] = SESSION.get_service_model('s3')
SFN_SERVICE['s3'] = 'S3'
REQUEST_SCHEMA = _json.load(open(_os.path.join(_os.path.dirname(__file__), '..', '..', 'agent', 'schema', 'request-v1.schema.json')))
BUILDER_DELETABLE = ('STOPPED', 'FAILED')


def builder_arn(name):
    return f'arn:aws:appstream:{REGION}:{ACCOUNT}:image-builder/{name}'


def _recipe_init(self):
    self.recipe_builders = {}   # name -> builder (the recipe source's, made by CreateImageBuilder)
    self.objects = {}           # (bucket, key) -> {'Body': str, 'Metadata': {...}} (the Node engine's S3)
    self.agent_log = []         # what the stand-in agent did, for the checks


def _builder(self, name):
    if name not in self.recipe_builders:
        raise AwsError('ResourceNotFoundException', f'The image builder {name} does not exist.')
    return self.recipe_builders[name]


def _public_builder(self, b):
    out = {k: v for k, v in b.items() if k not in ('Describes', 'Reason', 'Request')}
    if 'Reason' in b:
        out['StateChangeReason'] = b['Reason']
    return out


def appstream_CreateImageBuilder(self, p):
    if p['Name'] in self.recipe_builders:
        raise AwsError('ResourceAlreadyExistsException', f"The image builder {p['Name']} already exists.")
    base = p.get('ImageName') or p.get('ImageArn', '').split('/')[-1]
    if self._image(base)['State'] != 'AVAILABLE':
        raise AwsError('ResourceNotAvailableException', f'The image {base} is not AVAILABLE.')
    refused = self.scenario.get('builder', {}).get('createError')
    if refused:
        raise AwsError(refused['error'], refused['message'])
    self.clock += datetime.timedelta(minutes=1)
    self.recipe_builders[p['Name']] = {
        'Name': p['Name'], 'Arn': builder_arn(p['Name']), 'ImageArn': image_arn(base), 'InstanceType': p['InstanceType'],
        'Platform': 'WINDOWS_SERVER_2022', 'State': 'PENDING', 'CreatedTime': self.clock, 'Describes': 0,
        **({'IamRoleArn': p['IamRoleArn']} if 'IamRoleArn' in p else {}),
    }
    return {'ImageBuilder': self._public_builder(self.recipe_builders[p['Name']])}


def appstream_DescribeImageBuilders_recipe(self, p):
    names = p.get('Names')
    if names is None:
        return None
    found = [self._builder(n) for n in names]
    start = self.scenario.get('builder', {})
    for b in found:
        b['Describes'] += 1
        if b['State'] == 'PENDING' and b['Describes'] >= start.get('describesUntilRunning', 2):
            b['State'] = start.get('outcome', 'RUNNING')
            if b['State'] == 'FAILED':
                b['Reason'] = {'Code': 'INTERNAL_ERROR', 'Message': start.get('reason', 'The image builder could not start.')}
        elif b['State'] in ('STOPPING', 'SNAPSHOTTING'):
            b['State'] = 'STOPPED'
    return {'ImageBuilders': [self._public_builder(b) for b in found]}


def appstream_StopImageBuilder(self, p):
    b = self._builder(p['Name'])
    if b['State'] != 'RUNNING':
        raise AwsError('OperationNotPermittedException', f"The image builder {p['Name']} is {b['State']}, not RUNNING.")
    b['State'] = 'STOPPING'
    return {'ImageBuilder': self._public_builder(b)}


def appstream_StartImageBuilder(self, p):
    b = self._builder(p['Name'])
    if b['State'] != 'STOPPED':
        raise AwsError('OperationNotPermittedException', f"The image builder {p['Name']} is {b['State']}, not STOPPED.")
    b['State'] = 'PENDING'
    b['Describes'] = 0
    return {'ImageBuilder': self._public_builder(b)}


def appstream_DeleteImageBuilder(self, p):
    b = self._builder(p['Name'])
    if b['State'] not in BUILDER_DELETABLE:
        raise AwsError('OperationNotPermittedException', f"The image builder {p['Name']} is {b['State']}: only a STOPPED or FAILED builder can be deleted.")
    del self.recipe_builders[p['Name']]
    return {'ImageBuilder': self._public_builder(b) | {'State': 'DELETING'}}


def s3_PutObject(self, p):
    """The Node engine's S3 (moto has its own): keep the object."""
    self.objects[(p['Bucket'], p['Key'])] = {'Body': p['Body'] if isinstance(p['Body'], str) else p['Body'].decode(), 'Metadata': dict(p.get('Metadata', {}))}
    return {'ETag': '"fake"'}


def agent_receive(self, bucket, key, body, metadata):
    """The stand-in agent: what the builder's agent would answer for this request object.

    Returns ('success', output), ('failure', error, cause), or ('silent',): the scenario's `agent`
    says which (its `report`), and the request must be one the agent takes: valid under the agent's
    schema, with the token in the `task-token` metadata, at `<prefix><builder name>/request.json` of a
    RUNNING builder. create-image (on success, or for the image-FAILED scenario) makes the image
    PENDING with the request's tags and sets the builder SNAPSHOTTING, as the Image Assistant does.
    """
    behaviour = self.scenario.get('agent', {'report': 'success'})
    request = _json.loads(body)
    if isinstance(request, str):  # a JSON string holding the request, as the agent also takes (agent/recipe.go)
        request = _json.loads(request)
        self.quoted_bodies = getattr(self, 'quoted_bodies', 0) + 1
    problems = [e.message for e in _jsonschema.Draft202012Validator(REQUEST_SCHEMA).iter_errors(request)]
    token = metadata.get('task-token')
    builder = key.rsplit('/', 2)[-2] if key.endswith('/request.json') else None
    if not token:
        problems.append('no task-token metadata')
    if builder not in self.recipe_builders or self.recipe_builders[builder]['State'] != 'RUNNING':
        problems.append(f'no RUNNING builder {builder!r} for {key}')
    elif request.get('imageName') != builder:
        problems.append(f"the image name {request.get('imageName')!r} is not the builder's {builder!r}")
    self.agent_log.append({'bucket': bucket, 'key': key, 'token': bool(token), 'problems': problems, 'report': behaviour['report']})
    if problems:
        return ('failure', 'Recipe.Invalid', '; '.join(problems))
    report = behaviour['report']
    if report == 'success':
        image = request['recipe']['image']
        self._add_image(request['imageName'], 'PENDING', image.get('tags', {}))
        self.recipe_builders[builder]['State'] = 'SNAPSHOTTING'
        return ('success', {'imageName': request['imageName'], 'log': f's3://{bucket}/{key.rsplit("/", 1)[0]}/logs/run.log'})
    if report == 'failure':
        return ('failure', behaviour['error'], behaviour['cause'])
    return ('silent',)


def summary_recipe(self):
    return {'builders': {n: b['State'] for n, b in self.recipe_builders.items()}, 'agent': self.agent_log,
            'objects': sorted(f'{b}/{k}' for b, k in self.objects)}


_plain_init = FakeAws.__init__
_plain_describe_builders = FakeAws.appstream_DescribeImageBuilders
_plain_summary = FakeAws.summary


def _init(self, scenario):
    _plain_init(self, scenario)
    _recipe_init(self)


def _describe_builders(self, p):
    # With Names, the recipe source's own builders; without, every builder (retention's listing).
    if p.get('Names') is not None:
        return appstream_DescribeImageBuilders_recipe(self, p)
    listed = _plain_describe_builders(self, p)
    return {'ImageBuilders': listed['ImageBuilders'] + [self._public_builder(b) for b in self.recipe_builders.values()]}


FakeAws.__init__ = _init
FakeAws.appstream_DescribeImageBuilders = _describe_builders
FakeAws.summary = lambda self: _plain_summary(self) | summary_recipe(self)
for _f in (_builder, _public_builder, appstream_CreateImageBuilder, appstream_StopImageBuilder, appstream_StartImageBuilder,
           appstream_DeleteImageBuilder, s3_PutObject, agent_receive):
    setattr(FakeAws, _f.__name__, _f)
