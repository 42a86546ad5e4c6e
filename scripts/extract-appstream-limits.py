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
- docs: limits the model states only in its documentation text, each with the member it comes from.
"""

import json
import os
import re
import sys

import botocore
import botocore.session

OPERATIONS = ['CreateImageBuilder', 'CreateDirectoryConfig']
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
    return re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', documentation)).strip()


def fail(message):
    sys.exit(f'extract-appstream-limits: {message}')


def docs_limits(model):
    """Limits stated only in prose: instance types, the one subnet of an image builder, the volume range."""
    request = model.operation_model('CreateImageBuilder').input_shape

    instance_doc = request.members['InstanceType'].documentation
    instance_types = re.findall(r'<li>\s*<p>\s*(stream\.[^<\s]+)\s*</p>\s*</li>', instance_doc)
    if not instance_types:
        fail('no instance types found in the documentation of CreateImageBuilderRequest.InstanceType')
    if len(set(instance_types)) != len(instance_types):
        fail('the documentation of CreateImageBuilderRequest.InstanceType lists an instance type twice')

    subnets_doc = html_text(request.members['VpcConfig'].members['SubnetIds'].documentation)
    subnet_match = re.search(r'Image builder instances use (one|\d+) subnets?\.', subnets_doc)
    if not subnet_match:
        fail(f'no image-builder subnet count in the documentation of VpcConfig.SubnetIds: {subnets_doc!r}')
    subnets = 1 if subnet_match.group(1) == 'one' else int(subnet_match.group(1))

    volume_doc = html_text(request.members['RootVolumeConfig'].members['VolumeSizeInGb'].documentation)
    volume_match = re.search(r'Valid range is (\d+)\s*-\s*(\d+) GB', volume_doc)
    if not volume_match:
        fail(f'no valid range in the documentation of VolumeConfig.VolumeSizeInGb: {volume_doc!r}')

    return {
        'imageBuilderInstanceTypes': {
            'source': 'CreateImageBuilderRequest.InstanceType',
            'values': instance_types,
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
    print(f'{os.path.relpath(OUTPUT)}: {len(members)} members of {", ".join(OPERATIONS)} '
          f'(botocore {botocore.__version__}), '
          f'{len(fixture["docs"]["imageBuilderInstanceTypes"]["values"])} image-builder instance types')


if __name__ == '__main__':
    main()
