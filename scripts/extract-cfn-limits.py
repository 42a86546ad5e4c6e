#!/usr/bin/env python3
"""Extract the limits CloudFormation's schemas set on the AppStream resource types into scripts/cfn-limits.json.

`npx projen cfn-limits:extract` runs this on a developer machine that has cfn-lint (it is not part of the
build); the fixture it writes is committed. CloudFormation validates a template against each resource
type's schema before AppStream sees the request, and cfn-lint (which the build runs on the synthesized
templates) applies the same schemas plus its own patches: where a schema is stricter than the API
(scripts/appstream-limits.json), a construct must follow the schema. The schemas are cfn-lint's bundled
ones for one region, us-east-1. Re-run after upgrading cfn-lint and review the diff.

Fixture layout (keys sorted, 2-space indent, trailing newline, so a re-run with the same cfn-lint gives
the same bytes):

- cfnLintVersion: the cfn-lint that supplied the schemas; region: the region whose schemas they are.
- resources: resource type -> its entry:
  - properties: every property reachable from the type's `properties`, keyed by its path: property
    names joined with `.`, with `.member` for the items of an array (as scripts/appstream-limits.json
    names members), for example `Tags.member.Key` or `VpcConfig.SubnetIds.member`. `$ref`s are
    followed, and the definition's name is kept as `definition`. Each holds:
    - type (a list when the schema allows several);
    - required (required by the object that holds it; within its branch, see oneOf), createOnly,
      readOnly, writeOnly (a property under one that is createOnly, readOnly or writeOnly is too),
      and deprecated when the schema lists it in deprecatedProperties;
    - whichever of min/max (the schema's minimum/maximum), minLength/maxLength, pattern, enum,
      minItems/maxItems, uniqueItems (when true) and format (a cfn-lint format such as
      `AWS::S3::Bucket.Name`) the schema sets;
    - oneOf, on an object whose schema has one: for each branch, the properties it requires.
  - createOnlyProperties: the schema's createOnlyProperties as property paths, sorted: the properties
    whose change makes CloudFormation replace the resource (lib/private/create-only.ts holds the
    top-level ones, which a generated name must follow).
  - oneOf: the same, for a oneOf on the resource's properties themselves (ImageBuilder: ImageName or
    ImageArn).
  - tagging: the schema's tagging metadata, as is.
  - cfnLintPatches: the JSON pointers cfn-lint's own patches (its `manual.json`) add to the
    CloudFormation registry schema, with the values they add: these limits are cfn-lint's, not the
    registry's, yet cfn-lint reports a template that breaks them.
- regionalEnums: resource type -> property -> {rule, values}: the values a cfn-lint rule accepts in
  this region for a property the schema leaves open (AWS::AppStream::Fleet InstanceType, rule E3621,
  from the pricing API).

A schema keyword the script does not know fails the run, so a new kind of limit is not dropped silently.
"""

import importlib
import importlib.resources
import json
import os
import sys

import cfnlint.version
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER
from appstream_types import RESOURCE_TYPES

REGION = 'us-east-1'
# cfn-lint rules that check a property against a per-region list: resource type -> property -> (rule id,
# the module and file that hold the list).
REGIONAL_ENUMS = {
    'AWS::AppStream::Fleet': {
        'InstanceType': ('E3621', 'cfnlint.data.schemas.extensions.aws_appstream_fleet', 'instancetype_enum.json'),
    },
}
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cfn-limits.json')

# schema keyword -> fixture key, for the limits copied as they are.
LIMIT_KEYS = {
    'minimum': 'min',
    'maximum': 'max',
    'minLength': 'minLength',
    'maxLength': 'maxLength',
    'pattern': 'pattern',
    'enum': 'enum',
    'minItems': 'minItems',
    'maxItems': 'maxItems',
    'format': 'format',
}
# Keywords that hold no limit of their own (or are walked separately).
STRUCTURAL_KEYS = {'type', '$ref', 'properties', 'items', 'required', 'additionalProperties', 'insertionOrder',
                   'uniqueItems', 'oneOf', 'description'}


def fail(message):
    sys.exit(f'extract-cfn-limits: {message}')


def pointer_path(pointer):
    """`/properties/StorageConnectors/*/ResourceIdentifier` -> `StorageConnectors.member.ResourceIdentifier`."""
    parts = pointer.split('/')
    if parts[:2] != ['', 'properties']:
        fail(f'unexpected property pointer {pointer!r}')
    return '.'.join('member' if part == '*' else part for part in parts[2:])


def under(path, paths):
    """Whether `path` is one of `paths` or lies under one of them."""
    return any(path == p or path.startswith(p + '.') for p in paths)


class Walker:
    """Flattens one resource type's schema into the fixture's `properties`."""

    def __init__(self, resource_type, schema):
        self.resource_type = resource_type
        self.schema = schema
        self.properties = {}
        self.flags = {
            flag: [pointer_path(p) for p in schema.get(key, [])]
            for flag, key in [('createOnly', 'createOnlyProperties'), ('readOnly', 'readOnlyProperties'),
                              ('writeOnly', 'writeOnlyProperties'), ('deprecated', 'deprecatedProperties')]
        }

    def resolve(self, node, refs):
        """Follow `$ref`s to definitions; the name of the last one followed, and the node it names."""
        definition = None
        while '$ref' in node:
            ref = node['$ref']
            prefix = '#/definitions/'
            if not ref.startswith(prefix):
                fail(f'{self.resource_type}: unexpected $ref {ref!r}')
            definition = ref[len(prefix):]
            if definition in refs:
                fail(f'{self.resource_type}: recursive definition {definition}')
            refs = refs | {definition}
            extra = set(node) - {'$ref'}
            if extra:
                fail(f'{self.resource_type}: $ref to {definition} with {sorted(extra)} beside it')
            node = self.schema['definitions'][definition]
        return definition, node, refs

    def walk_object(self, node, prefix, refs):
        """Record the properties of an object node (and of its oneOf branches) under `prefix`."""
        required = set(node.get('required', []))
        branches = []
        for branch in node.get('oneOf', []):
            unknown = set(branch) - STRUCTURAL_KEYS
            if unknown:
                fail(f'{self.resource_type}: oneOf branch at {prefix or "the top"} with {sorted(unknown)}')
            branches.append(sorted(branch.get('required', [])))
            for name, child in branch.get('properties', {}).items():
                self.walk(child, f'{prefix}{name}', name in branch.get('required', []), refs)
        for name, child in node.get('properties', {}).items():
            self.walk(child, f'{prefix}{name}', name in required, refs)
        return branches

    def walk(self, node, path, required, refs):
        definition, node, refs = self.resolve(node, refs)
        unknown = set(node) - STRUCTURAL_KEYS - set(LIMIT_KEYS)
        if unknown:
            fail(f'{self.resource_type}.{path}: schema keywords {sorted(unknown)} are not extracted')
        entry = {'required': required}
        if 'type' in node:
            entry['type'] = node['type']
        if definition is not None:
            entry['definition'] = definition
        for key, fixture_key in LIMIT_KEYS.items():
            if key in node:
                entry[fixture_key] = node[key]
        if node.get('uniqueItems'):
            entry['uniqueItems'] = True
        for flag, paths in self.flags.items():
            if flag == 'deprecated':
                if path in paths:
                    entry[flag] = True
            else:
                entry[flag] = under(path, paths)
        self.properties[path] = entry
        if 'items' in node:
            self.walk(node['items'], f'{path}.member', False, refs)
        if 'properties' in node or 'oneOf' in node:
            branches = self.walk_object(node, f'{path}.', refs)
            if branches:
                entry['oneOf'] = branches


def patches(resource_type):
    """The pointers cfn-lint's manual patches add to the registry schema of `resource_type`, with their values."""
    module = 'cfnlint.data.schemas.patches.extensions.all.' + resource_type.lower().replace('::', '_')
    try:
        files = importlib.resources.files(importlib.import_module(module))
    except ModuleNotFoundError:
        return {}
    manual = files / 'manual.json'
    if not manual.is_file():
        return {}
    added = {}
    for op in json.loads(manual.read_text(encoding='utf-8')):
        if op.get('op') not in ('add', 'replace'):
            fail(f'{resource_type}: cfn-lint patch operation {op!r} is not understood')
        added[op['path']] = op['value']
    return added


def regional_enums():
    enums = {}
    for resource_type, props in REGIONAL_ENUMS.items():
        for prop, (rule, module, filename) in props.items():
            data = json.loads((importlib.resources.files(importlib.import_module(module)) / filename).read_text(encoding='utf-8'))
            if REGION not in data or 'enum' not in data[REGION]:
                fail(f'{module}/{filename} has no enum for {REGION}')
            enums.setdefault(resource_type, {})[prop] = {'rule': rule, 'values': sorted(data[REGION]['enum'])}
    return enums


def main():
    resources = {}
    for resource_type in RESOURCE_TYPES:
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, resource_type).schema
        walker = Walker(resource_type, schema)
        unknown = set(schema) - {'additionalProperties', 'createOnlyProperties', 'definitions', 'deprecatedProperties',
                                 'primaryIdentifier', 'properties', 'readOnlyProperties', 'required', 'sourceUrl',
                                 'tagging', 'typeName', 'writeOnlyProperties', 'oneOf', 'handlers', 'description'}
        if unknown:
            fail(f'{resource_type}: top-level schema keywords {sorted(unknown)} are not extracted')
        branches = walker.walk_object(schema, '', frozenset())
        for flag, paths in walker.flags.items():
            missing = [p for p in paths if p not in walker.properties]
            if missing:
                fail(f'{resource_type}: {flag} names {missing}, which are not properties')
        entry = {'properties': walker.properties, 'cfnLintPatches': patches(resource_type),
                 'createOnlyProperties': sorted(walker.flags['createOnly'])}
        if branches:
            entry['oneOf'] = branches
        if 'tagging' in schema:
            entry['tagging'] = schema['tagging']
        resources[resource_type] = entry

    fixture = {
        'cfnLintVersion': cfnlint.version.__version__,
        'region': REGION,
        'resources': resources,
        'regionalEnums': regional_enums(),
    }
    text = json.dumps(fixture, indent=2, sort_keys=True, ensure_ascii=False) + '\n'
    with open(OUTPUT, 'w', encoding='utf-8', newline='\n') as out:
        out.write(text)
    count = sum(len(r['properties']) for r in resources.values())
    print(f'{os.path.relpath(OUTPUT)}: {count} properties of {len(resources)} resource types '
          f'(cfn-lint {cfnlint.version.__version__}, {REGION})')


if __name__ == '__main__':
    main()
