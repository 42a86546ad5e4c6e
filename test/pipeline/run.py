"""The image pipeline's engine tests: every scenario on moto's Step Functions and on aws-local-stepfunctions.

`python run.py DEFINITION.json NODE` (NODE: a Node >= 22 binary). Both engines run against the same
fake (fake_aws.py): moto in this process, aws-local-stepfunctions in a child Node process that reaches
the fake through a loopback HTTP server here (127.0.0.1, an ephemeral port). The pipeline's Lambda
function (the re-tagging of copies) runs its own code under Node on both engines (lambda_host.py,
lambda-host.mjs), its AppStream calls answered by the same fake. Each scenario's outcome
is checked by scenarios.check, whichever engine ran it; the engines must also agree on every status.
Writes test-reports/pipeline/results.json; exits 1 on any problem.
"""
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lambda_host  # noqa: E402
import run_moto  # noqa: E402  (patches moto on import)
from fake_aws import AwsError, FakeAws, from_sfn_case, operation_model, sfn_error_name, to_sfn_case  # noqa: E402
from scenarios import PARAMETER, check, scenarios  # noqa: E402


class Local:
    """The fake of the scenario the Node engine is running, and the outcomes it reports. `callback(fake,
    params)` answers a .waitForTaskToken task (posted to /callback) once its own call is made, as
    whatever holds the task token would; `parameter` is the pipeline's SSM parameter, `extra` more
    fields for each outcome."""
    def __init__(self, all_scenarios, callback=None, parameter=PARAMETER, **extra):
        self.scenarios = all_scenarios
        self.callback = callback
        self.parameter = parameter
        self.extra = extra
        self.fake = None
        self.outcomes = {}

    def setup(self, body):
        raise ValueError('this fake serves one set of scenarios: no /setup')

    def finish(self, body):
        """/done: keep the outcome the engine reports for a scenario, with the fake's state."""
        self.outcomes[body['scenario']] = {'outcome': body['outcome'], 'fake': self.fake.summary()}
        return {}

    def outcome(self, name):
        """The reported outcome of scenario `name`, as scenarios.check and recipe_scenarios.check read it."""
        reported = self.outcomes.get(name)
        if reported is None:
            return {'engine': 'aws-local-stepfunctions', 'status': 'NOT RUN', 'problems': ['the scenario did not report']}
        fake = reported['fake']
        return {
            'engine': 'aws-local-stepfunctions',
            **reported['outcome'],
            'fake': fake,
            'parameter': fake['parameters'][self.parameter],
            'messages': fake['messages'],
            **self.extra,
        }


def handler_for(local):
    """The fake's HTTP face for local-engine.mjs: /setup and /done are the Local's, /reset starts a
    scenario, /sdk answers the Lambda function's AppStream calls, /call and /callback the SDK tasks."""
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers['Content-Length'])) or b'{}')
            if self.path == '/setup':
                answer = local.setup(body)
            elif self.path == '/reset':
                local.fake = FakeAws(local.scenarios[body['scenario']])
                answer = {}
            elif self.path == '/done':
                answer = local.finish(body)
            elif self.path == '/sdk':  # an AppStream call of the pipeline's Lambda function (lambda-host.mjs)
                answer = lambda_host.sdk_answer(local.fake, body)
            else:  # /call: an SDK task, in Step Functions' PascalCase; /callback: a .waitForTaskToken one
                service, operation = body['service'], body['operation']
                op = operation_model(service, operation)
                params = from_sfn_case(op.input_shape, body['params'])
                try:
                    result = local.fake.call(service, operation, params)
                    answer = {'result': to_sfn_case(op.output_shape, result)}
                    if self.path == '/callback':
                        answer = local.callback(local.fake, params)
                except AwsError as e:
                    answer = {'error': sfn_error_name(service, operation, e.code), 'message': e.message}
            data = json.dumps(answer, default=str).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)
    return Handler


def run_local(definition_file, node, all_scenarios, parameter=PARAMETER, callback=None, **extra):
    """Every scenario of `all_scenarios` on aws-local-stepfunctions (run-local.mjs), each against a fresh
    fake; `parameter` is the pipeline's SSM parameter, `extra` more fields for each outcome."""
    local = Local(all_scenarios, callback, parameter, **extra)
    server = ThreadingHTTPServer(('127.0.0.1', 0), handler_for(local))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done = subprocess.run([node, os.path.join(HERE, 'run-local.mjs'), definition_file, str(server.server_address[1]), *all_scenarios],
                              capture_output=True, text=True, timeout=240, cwd=os.path.dirname(os.path.dirname(HERE)))
        if done.returncode != 0:
            raise RuntimeError(f'aws-local-stepfunctions run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}')
    finally:
        server.shutdown()
    return {name: local.outcome(name) for name in all_scenarios}


MISSPELT = 'a misspelt parameter fails as AWS would'


def misspelt(definition):
    """A copy of the definition whose update request says NewImageNam: a defect both engines must expose."""
    text = json.dumps(definition)
    marker = '"NewImageName.$": "$.Image.Name", "NewImageDisplayName": "Desktops", "NewImageDescription": "Patched monthly", "NewImageTags": {"team": "desktops", "AppStreamImagePipeline": '
    at = text.rindex(marker)  # the second createUpdatedImage: the update itself, after the dry run
    return json.loads(text[:at] + text[at:].replace('"NewImageName.$"', '"NewImageNam.$"', 1))


def main():
    definition_file, node = sys.argv[1], sys.argv[2]
    synthesized = json.load(open(definition_file))
    all_scenarios = scenarios(synthesized['owner'])
    broken_file = os.path.join(os.path.dirname(os.path.abspath(definition_file)), 'definition-misspelt.json')
    json.dump({**synthesized, 'definition': misspelt(synthesized['definition'])}, open(broken_file, 'w'))
    results = {'moto': {}, 'aws-local-stepfunctions': {}}
    start = time.time()
    for name, scenario in all_scenarios.items():
        definition = misspelt(synthesized['definition']) if name == MISSPELT else synthesized['definition']
        results['moto'][name] = run_moto.run(definition, scenario, synthesized['maxPolls'], node=node, tagger=synthesized.get('tagger'))
    moto_seconds = time.time() - start
    start = time.time()
    normal = {n: s for n, s in all_scenarios.items() if n != MISSPELT}
    results['aws-local-stepfunctions'] = run_local(definition_file, node, normal, maxPolls=synthesized['maxPolls'])
    results['aws-local-stepfunctions'].update(run_local(broken_file, node, {MISSPELT: all_scenarios[MISSPELT]}, maxPolls=synthesized['maxPolls']))
    local_seconds = time.time() - start
    failed = False
    for engine, outcomes in results.items():
        for name, outcome in outcomes.items():
            outcome['owner'] = synthesized['owner']
            if 'problems' not in outcome:
                try:
                    outcome['problems'] = check(name, outcome)
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
    os.makedirs(os.path.dirname(os.path.abspath(sys.argv[3])) if len(sys.argv) > 3 else '.', exist_ok=True)
    if len(sys.argv) > 3:
        json.dump(results, open(sys.argv[3], 'w'), indent=2, default=str)
    print(f'{len(all_scenarios)} scenarios x 2 engines: moto {moto_seconds:.1f} s, aws-local-stepfunctions {local_seconds:.1f} s; '
          f"{'FAILED' if failed else 'all passed'}")
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
