#!/usr/bin/env python3
"""Extract AppStream's input limits from botocore's service model into scripts/appstream-limits.json.

`npx projen limits:extract` runs this on a developer machine that has botocore (it is not part of the
build). The fixture it writes is committed; test/conformance/limits.test.ts checks lib/private/rules.ts
against it, so a rule that drifts from the model, or a model update that changes a limit, fails the
suite. Re-run after upgrading botocore and review the diff.

Fixture layout (keys sorted, 2-space indent, trailing newline, so a re-run with the same botocore gives
the same bytes):

- botocoreVersion: the botocore that supplied the model.
- operations: operation name -> its input shape.
- members: every input member reachable from those operations, keyed by
  `<StructureShape>.<Member>` (as the AWS documentation names members), with `.member` for the
  items of a list and `.key` / `.value` for the keys and values of a map, for example
  `CreateImageBuilderRequest.Tags.key`. Each holds the member's shape name and type, whether it is
  required, and whichever of pattern, minLength/maxLength (strings), minItems/maxItems (lists, maps),
  min/max (numbers), enum and sensitive the model sets.
- docs: limits the model states only in its documentation text, each with `source` (the member, or
  for an operation-wide statement the operation, whose documentation states it) and `text` (the quoted
  sentences). Besides those two, an entry holds whichever of these the text states:
  - values: the valid values (instance types, platforms, attribute names, instance families), in the
    documentation's order;
  - min/max: a range (`alsoAllowed` lists values allowed outside it, such as 0 for "never");
    minItems/maxItems: a list length;
  - distinctAvailabilityZones: the subnets must be in different availability zones;
  - onlyFor / requiredFor / notFor: the values of another member (`when`, for example
    `CreateFleetRequest.FleetType`) for which the member is allowed, required or refused;
  - exactlyOneOf: members of which exactly one must be set;
  - actions / notWithPermission: the UserSetting actions a member applies to, and the permission it
    cannot be combined with;
  - requiredIn: the members (and the condition, if any) in which it is required.
  The documentation's wording is matched by regular expressions: when one finds nothing the script
  fails, so a rewording is reviewed instead of silently dropping a limit.
"""

import json
import os
import re
import sys

import botocore
import botocore.session

# The create and associate operations behind the AWS::AppStream::* resource types: each one's request
# shape is what CloudFormation sends, so it is what a construct's props must satisfy.
OPERATIONS = [
    'CreateImageBuilder',
    'CreateDirectoryConfig',
    'CreateFleet',
    'CreateStack',
    'AssociateFleet',
    'CreateUser',
    'BatchAssociateUserStack',
    'CreateEntitlement',
    'AssociateApplicationToEntitlement',
    'CreateAppBlock',
    'CreateApplication',
    'CreateAppBlockBuilder',
    'AssociateApplicationFleet',
    # ImagePipeline's state machine sends these (its name, display name, description, tags, shares).
    'CreateUpdatedImage',
    'UpdateImagePermissions',
]
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'appstream-limits.json')

# botocore metadata key -> fixture key, per shape type.
LIMIT_KEYS = {
    'string': {'min': 'minLength', 'max': 'maxLength'},
    'list': {'min': 'minItems', 'max': 'maxItems'},
    'map': {'min': 'minItems', 'max': 'maxItems'},
    'integer': {'min': 'min', 'max': 'max'},
    'long': {'min': 'min', 'max': 'max'},
}


def describe(shape, required):
    """The fixture entry of one member: its shape, type, required flag and the limits the model sets."""
    entry = {'shape': shape.name, 'type': shape.type_name, 'required': required}
    meta = shape.metadata
    for model_key, fixture_key in LIMIT_KEYS.get(shape.type_name, {}).items():
        if model_key in meta:
            entry[fixture_key] = meta[model_key]
    if 'pattern' in meta:
        entry['pattern'] = meta['pattern']
    if 'enum' in meta:
        entry['enum'] = list(meta['enum'])
    if meta.get('sensitive'):
        entry['sensitive'] = True
    return entry


def walk(shape, path, required, members, seen):
    """Record the member at `path` and everything under it (structure members, list items, map entries)."""
    members[path] = describe(shape, required)
    if shape.type_name == 'list':
        walk(shape.member, f'{path}.member', False, members, seen)
    elif shape.type_name == 'map':
        walk(shape.key, f'{path}.key', True, members, seen)
        walk(shape.value, f'{path}.value', True, members, seen)
    elif shape.type_name == 'structure':
        walk_structure(shape, members, seen)


def walk_structure(shape, members, seen):
    """Record the members of a structure once, keyed by the structure's shape name."""
    if shape.name in seen:
        return
    seen.add(shape.name)
    required = set(shape.required_members)
    for name, member in shape.members.items():
        walk(member, f'{shape.name}.{name}', name in required, members, seen)


def html_text(documentation):
    """The documentation without its HTML tags, whitespace collapsed."""
    text = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', documentation)).strip()
    return re.sub(r' ([.,:;])', r'\1', text)


def fail(message):
    sys.exit(f'extract-appstream-limits: {message}')


def member_of(model, source):
    """The shape of `source` (`<StructureShape>.<Member>`)."""
    structure, name = source.split('.')
    return model.shape_for(structure).members[name]


def documented(model, source):
    """The documentation of `source`, without HTML."""
    return html_text(member_of(model, source).documentation)


def search(text, pattern, source):
    """The match of `pattern` in `text`, or fail naming the member whose documentation lacks it."""
    found = re.search(pattern, text)
    if not found:
        fail(f'no match for {pattern!r} in the documentation of {source}: {text!r}')
    return found


def sentence_at(text, index):
    """The sentence of `text` around `index`, quoted in the fixture so a reviewer sees the source.

    A sentence ends at a period followed by a space or the end, so "SAML 2.0" and "stream.standard"
    do not end one.
    """
    before = [m.end() for m in re.finditer(r'\.\s', text[:index])]
    start = before[-1] if before else 0
    end = re.compile(r'\.(?=\s|$)').search(text, index)
    return text[start:end.end() if end else len(text)].strip()


def lead_in(text, pattern, source):
    """The sentence that introduces a list, up to the end of `pattern` (its colon): the list follows."""
    found = search(text, pattern, source)
    before = [m.end() for m in re.finditer(r'\.\s', text[:found.start()])]
    return text[before[-1] if before else 0:found.end()].strip()


def quote(text, pattern, source):
    """The sentence that matches `pattern`, or fail."""
    return sentence_at(text, search(text, pattern, source).start())


def number(text):
    """An integer as the documentation writes it, with or without thousands separators."""
    return int(text.replace(',', ''))


def list_items(documentation, source, item=r'[^<\s]+'):
    """The items of each HTML list in `documentation`, one list per <ul>, or fail."""
    lists = [re.findall(rf'<li>\s*<p>\s*({item})\s*</p>\s*</li>', ul) for ul in re.findall(r'<ul>(.*?)</ul>', documentation, re.S)]
    lists = [items for items in lists if items]
    if not lists:
        fail(f'no list in the documentation of {source}')
    for items in lists:
        if len(set(items)) != len(items):
            fail(f'the documentation of {source} lists a value twice')
    return lists


def in_enum(model, source, values):
    """Fail unless every value is one of the model's enum for `source` (a string or a list of strings)."""
    shape = member_of(model, source)
    if shape.type_name == 'list':
        shape = shape.member
    allowed = shape.metadata.get('enum')
    if allowed is not None and not set(values) <= set(allowed):
        fail(f'the documentation of {source} names {sorted(set(values) - set(allowed))}, not in its enum {allowed}')
    return values


def docs_limits(model):
    """Limits stated only in prose, for the whole family."""
    limits = {}
    limits.update(image_builder_limits(model))
    limits.update(fleet_limits(model))
    limits.update(stack_limits(model))
    limits.update(user_limits(model))
    limits.update(elastic_limits(model))
    return limits


def image_builder_limits(model):
    """The image builder's instance types and one subnet, and the root-volume range."""
    source = 'CreateImageBuilderRequest.InstanceType'
    [instance_types] = list_items(member_of(model, source).documentation, source, r'stream\.[^<\s]+')

    subnets_doc = documented(model, 'VpcConfig.SubnetIds')
    subnet_match = search(subnets_doc, r'Image builder instances use (one|\d+) subnets?\.', 'VpcConfig.SubnetIds')
    subnets = 1 if subnet_match.group(1) == 'one' else int(subnet_match.group(1))

    volume_doc = documented(model, 'VolumeConfig.VolumeSizeInGb')
    volume_match = search(volume_doc, r'Valid range is (\d+)\s*-\s*(\d+) GB', 'VolumeConfig.VolumeSizeInGb')

    return {
        'imageBuilderInstanceTypes': {
            'source': source,
            'values': instance_types,
            'text': lead_in(documented(model, source), r'The following instance types are available:', source),
        },
        'imageBuilderSubnets': {
            'source': 'VpcConfig.SubnetIds',
            'minItems': subnets,
            'maxItems': subnets,
            'text': match_sentence(subnets_doc, 'Image builder instances use'),
        },
        'volumeSizeInGb': {
            'source': 'VolumeConfig.VolumeSizeInGb',
            'min': int(volume_match.group(1)),
            'max': int(volume_match.group(2)),
            'text': match_sentence(volume_doc, 'Valid range is'),
        },
    }


def fleet_limits(model):
    """The fleet's instance types (split as the documentation splits them), ranges and per-type members."""
    limits = {}
    source = 'CreateFleetRequest.InstanceType'
    raw = member_of(model, source).documentation
    split = re.search(r'available for Elastic fleets:', raw)
    if not split:
        fail(f'the documentation of {source} no longer lists the Elastic fleet instance types separately')
    [fleet_types] = list_items(raw[:split.start()], source, r'stream\.[^<\s]+')
    [elastic_types] = list_items(raw[split.start():], source, r'stream\.[^<\s]+')
    text = documented(model, source)
    limits['fleetInstanceTypes'] = {
        'source': source, 'values': fleet_types,
        'text': lead_in(text, r'The following instance types are available:', source),
    }
    limits['elasticFleetInstanceTypes'] = {
        'source': source, 'values': elastic_types,
        # The paragraph after the first list: html_text would run the list into the sentence.
        'text': lead_in(html_text(raw[raw.rfind('<p>', 0, split.start()):]),
                        r'The following instance types are available for Elastic fleets:', source),
    }

    subnets_doc = documented(model, 'VpcConfig.SubnetIds')
    if not re.search(r'Fleet instances use one or more subnets\.', subnets_doc):
        fail(f'no fleet subnet count in the documentation of VpcConfig.SubnetIds: {subnets_doc!r}')
    limits['fleetSubnets'] = {
        'source': 'VpcConfig.SubnetIds', 'minItems': 1,
        'text': match_sentence(subnets_doc, 'Fleet instances use'),
    }

    # The three durations: "Specify a value between 600 and 432000." The idle timeout also takes 0.
    for member, key in [('MaxUserDurationInSeconds', 'fleetMaxUserDurationInSeconds'),
                        ('DisconnectTimeoutInSeconds', 'fleetDisconnectTimeoutInSeconds'),
                        ('IdleDisconnectTimeoutInSeconds', 'fleetIdleDisconnectTimeoutInSeconds')]:
        source = f'CreateFleetRequest.{member}'
        text = documented(model, source)
        found = search(text, r'[Ss]pecify a value between ([\d,]+) and ([\d,]+)\.', source)
        limits[key] = {'source': source, 'min': number(found.group(1)), 'max': number(found.group(2)),
                       'text': sentence_at(text, found.start())}
    idle = limits['fleetIdleDisconnectTimeoutInSeconds']
    source = idle['source']
    text = documented(model, source)
    zero = search(text, r'To prevent users from being disconnected due to inactivity, specify a value of (\d+)\.', source)
    idle['alsoAllowed'] = [int(zero.group(1))]
    idle['text'] = sentence_at(text, zero.start()) + ' ' + idle['text']
    rounding = search(text, r'If you don.t do this, the value is rounded to the nearest minute\.', source)
    idle['rounding'] = quote(text, r'we recommend that you specify a value that corresponds exactly to a whole number of minutes', source) \
        + ' ' + sentence_at(text, rounding.start())

    fleet_type = 'CreateFleetRequest.FleetType'
    elastic = in_enum(model, fleet_type, ['ELASTIC'])

    source = 'CreateFleetRequest.Platform'
    text = documented(model, source)
    found = search(text, r'((?:[A-Z0-9_]+(?:, | and ))+[A-Z0-9_]+) (?:is|are) supported for Elastic fleets\.', source)
    limits['elasticFleetPlatforms'] = {
        'source': source, 'values': in_enum(model, source, re.split(r', | and ', found.group(1))),
        'text': sentence_at(text, found.start()),
    }

    source = 'CreateFleetRequest.MaxConcurrentSessions'
    text = documented(model, source)
    limits['fleetMaxConcurrentSessions'] = {
        'source': source, 'when': fleet_type, 'requiredFor': elastic, 'onlyFor': elastic,
        'text': quote(text, r'This is required for Elastic fleets, and not allowed for other fleet types\.', source),
    }
    source = 'CreateFleetRequest.ComputeCapacity'
    text = documented(model, source)
    limits['fleetComputeCapacity'] = {
        'source': source, 'when': fleet_type, 'notFor': elastic,
        'text': quote(text, r'This is not allowed for Elastic fleets\.', source),
    }
    source = 'CreateFleetRequest.DomainJoinInfo'
    text = documented(model, source)
    limits['fleetDomainJoinInfo'] = {
        'source': source, 'when': fleet_type, 'notFor': elastic,
        'text': quote(text, r'This is not allowed for Elastic fleets\.', source),
    }
    source = 'CreateFleetRequest.SessionScriptS3Location'
    text = documented(model, source)
    limits['fleetSessionScriptS3Location'] = {
        'source': source, 'when': fleet_type, 'onlyFor': elastic,
        'text': quote(text, r'This only applies to Elastic fleets\.', source),
    }
    source = 'CreateFleetRequest.VpcConfig'
    text = documented(model, source)
    required = quote(text, r'This is required for Elastic fleets', source)
    found = search(text, r'Elastic fleets require that you specify at least (two|\d+) subnets in different availability zones\.', source)
    limits['elasticFleetVpcConfig'] = {
        'source': source, 'when': fleet_type, 'requiredFor': elastic,
        'minItems': 2 if found.group(1) == 'two' else int(found.group(1)), 'distinctAvailabilityZones': True,
        'text': required + ' ' + sentence_at(text, found.start()),
    }

    source = 'ComputeCapacity.DesiredSessions'
    text = documented(model, source)
    limits['computeCapacityDesired'] = {
        'source': source, 'exactlyOneOf': ['ComputeCapacity.DesiredInstances', 'ComputeCapacity.DesiredSessions'],
        'text': quote(text, r'When you create a fleet, you must set either the DesiredSessions or DesiredInstances attribute', source)
        + ' ' + quote(text, r'You can.t define both attributes or leave both attributes blank\.', source),
    }
    limits['computeCapacityDesiredSessions'] = {
        'source': source,
        'text': quote(text, r'This is not allowed for single-session fleets\.', source),
    }
    source = 'CreateFleetRequest.MaxSessionsPerInstance'
    limits['fleetMaxSessionsPerInstance'] = {
        'source': source,
        'text': quote(documented(model, source), r'This only applies to multi-session fleets\.', source),
    }
    source = 'AssociateApplicationFleet'
    text = html_text(model.operation_model(source).documentation)
    limits['applicationFleetAssociation'] = {
        'source': source, 'when': fleet_type, 'onlyFor': elastic,
        'text': quote(text, r'This is only supported for Elastic fleets\.', source),
    }
    return limits


def stack_limits(model):
    """Where a user setting's MaximumLength applies, and its range."""
    source = 'UserSetting.MaximumLength'
    text = documented(model, source)
    actions = search(text, r'This can be specified only for the ([A-Z_]+) and ([A-Z_]+) actions\.', source)
    disabled = search(text, r'This can.t be specified when the permission is ([A-Z_]+) ?\.', source)
    found = search(text, r'The value can be between ([\d,]+) and ([\d,]+)', source)
    return {
        'userSettingMaximumLength': {
            'source': source,
            'actions': in_enum(model, 'UserSetting.Action', [actions.group(1), actions.group(2)]),
            'notWithPermission': in_enum(model, 'UserSetting.Permission', [disabled.group(1)])[0],
            'min': number(found.group(1)),
            'max': number(found.group(2)),
            'text': ' '.join(sentence_at(text, m.start()) for m in (actions, disabled, found)),
        },
    }


def user_limits(model):
    """The user's authentication type and welcome email; user-pool users and domain-joined fleets."""
    limits = {}
    source = 'CreateUserRequest.AuthenticationType'
    text = documented(model, source)
    found = search(text, r'You must specify ([A-Z_]+)\.', source)
    limits['userAuthenticationType'] = {
        'source': source, 'values': in_enum(model, source, [found.group(1)]), 'text': sentence_at(text, found.start()),
    }
    source = 'CreateUserRequest.MessageAction'
    text = documented(model, source)
    found = search(text, r'If you specify ([A-Z_]+), do not specify the first name or last name of the user\.', source)
    limits['userMessageAction'] = {
        'source': source, 'when': source, 'notFor': in_enum(model, source, [found.group(1)]),
        'members': ['CreateUserRequest.FirstName', 'CreateUserRequest.LastName'],
        'text': sentence_at(text, found.start()),
    }
    source = 'BatchAssociateUserStack'
    text = html_text(model.operation_model(source).documentation)
    limits['userStackAssociation'] = {
        'source': source,
        'text': quote(text, r'Users in a user pool cannot be assigned to stacks with fleets that are joined to an Active Directory domain\.', source),
    }
    source = 'EntitlementAttribute.Name'
    [names] = list_items(member_of(model, source).documentation, source, r'[A-Za-z]+')
    limits['entitlementAttributeNames'] = {
        'source': source, 'values': names,
        'text': lead_in(documented(model, source), r'The following are valid values:', source),
    }
    source = 'CreateEntitlement'
    text = html_text(model.operation_model(source).documentation)
    limits['entitlementScope'] = {
        'source': source,
        'text': ' '.join(quote(text, pattern, source) for pattern in (
            r'Entitlements apply to SAML 2\.0 federated user identities\.',
            r'user pool and streaming URL users are entitled to all applications in a stack\.',
            r'Entitlements don.t apply to the desktop stream view application')),
    }
    return limits


def elastic_limits(model):
    """App blocks, applications and app block builders."""
    limits = {}
    packaging = 'CreateAppBlockRequest.PackagingType'
    source = 'CreateAppBlockRequest.SetupScriptDetails'
    text = documented(model, source)
    found = search(text, r'This must be provided for the ([A-Z0-9_]+) PackagingType\.', source)
    limits['appBlockSetupScript'] = {
        'source': source, 'when': packaging, 'requiredFor': in_enum(model, packaging, [found.group(1)]),
        'text': sentence_at(text, found.start()),
    }
    source = 'CreateAppBlockRequest.PostSetupScriptDetails'
    text = documented(model, source)
    found = search(text, r'This can only be provided for the ([A-Z0-9_]+) PackagingType\.', source)
    limits['appBlockPostSetupScript'] = {
        'source': source, 'when': packaging, 'onlyFor': in_enum(model, packaging, [found.group(1)]),
        'text': sentence_at(text, found.start()),
    }
    source = 'S3Location.S3Key'
    raw = member_of(model, source).documentation
    [items] = list_items(raw, source, r'[^<]*?(?:<code>[^<]*</code>[^<]*?)*')
    required_in = [html_text(item) for item in items]
    for expected in ('IconS3Location', 'SessionScriptS3Location', 'ScriptDetails', 'SourceS3Location when creating an app block with CUSTOM PackagingType'):
        if not any(item.startswith(expected) for item in required_in):
            fail(f'the documentation of {source} no longer says the key is required for {expected}: {required_in}')
    limits['s3KeyRequired'] = {
        'source': source, 'requiredIn': required_in,
        'text': lead_in(documented(model, source), r'This is required when used for the following:', source),
    }

    source = 'CreateApplicationRequest.Platforms'
    text = documented(model, source)
    found = search(text, r'((?:[A-Z0-9_]+(?:, | and ))+[A-Z0-9_]+) (?:is|are) supported for Elastic fleets\.', source)
    limits['applicationPlatforms'] = {
        'source': source, 'values': in_enum(model, source, re.split(r', | and ', found.group(1))),
        'text': sentence_at(text, found.start()),
    }
    source = 'CreateApplicationRequest.InstanceFamilies'
    text = documented(model, source)
    found = search(text, r'Valid values are ((?:[A-Z0-9_]+(?:, | and ))+[A-Z0-9_]+)\.', source)
    limits['applicationInstanceFamilies'] = {
        'source': source, 'values': re.split(r',? and |, ', found.group(1)), 'text': sentence_at(text, found.start()),
    }

    source = 'CreateAppBlockBuilderRequest.InstanceType'
    [builder_types] = list_items(member_of(model, source).documentation, source, r'stream\.[^<\s]+')
    limits['appBlockBuilderInstanceTypes'] = {
        'source': source, 'values': builder_types,
        'text': lead_in(documented(model, source), r'The following instance types are available:', source),
    }
    source = 'CreateAppBlockBuilderRequest.Platform'
    text = documented(model, source)
    found = search(text, r'([A-Z0-9_]+) is the only valid value\.', source)
    limits['appBlockBuilderPlatforms'] = {
        'source': source, 'values': in_enum(model, source, [found.group(1)]), 'text': sentence_at(text, found.start()),
    }
    source = 'CreateAppBlockBuilderRequest.VpcConfig'
    text = documented(model, source)
    found = search(text, r'App block builders require that you specify at least (two|\d+) subnets in different availability zones\.', source)
    limits['appBlockBuilderSubnets'] = {
        'source': source, 'minItems': 2 if found.group(1) == 'two' else int(found.group(1)),
        'distinctAvailabilityZones': True, 'text': sentence_at(text, found.start()),
    }
    return limits


def match_sentence(text, start):
    """The sentence of `text` that begins with `start`, quoted in the fixture so a reviewer sees the source."""
    index = text.index(start)
    end = text.find('.', index)
    return text[index:end + 1] if end >= 0 else text[index:]


def main():
    model = botocore.session.get_session().get_service_model('appstream')
    members = {}
    operations = {}
    seen = set()
    for operation in OPERATIONS:
        request = model.operation_model(operation).input_shape
        operations[operation] = request.name
        walk_structure(request, members, seen)

    fixture = {
        'botocoreVersion': botocore.__version__,
        'apiVersion': model.metadata['apiVersion'],
        'operations': operations,
        'members': members,
        'docs': docs_limits(model),
    }
    text = json.dumps(fixture, indent=2, sort_keys=True, ensure_ascii=False) + '\n'
    with open(OUTPUT, 'w', encoding='utf-8', newline='\n') as out:
        out.write(text)
    print(f'{os.path.relpath(OUTPUT)}: {len(members)} members of {len(OPERATIONS)} operations '
          f'(botocore {botocore.__version__}), {len(fixture["docs"])} documented limits')


if __name__ == '__main__':
    main()
