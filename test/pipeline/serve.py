"""The fake for test/pipeline-engines.test.ts, which runs the pipelines' scenarios on
aws-local-stepfunctions inside vitest (so a mutation run sees what they check): `python serve.py`
serves FakeAws on 127.0.0.1 (an ephemeral port, printed on the first line of stdout) until stdin closes.

The test first posts /setup {"pipeline": "managed" | "recipe", "owner": ..., "maxPolls": ..., "keep": bool}
and gets {"scenarios": [names]}: the managed-update scenarios of scenarios.py (but the misspelt one,
which run.py runs on a broken copy of the definition), or the recipe scenarios of recipe_scenarios.py
that run on the definition with keepBuilderOnFailure (`keep`) or on the other. Then, per scenario,
local-engine.mjs drives the fake as run.py's does, and /done answers {"problems": [...]}, the checks of
that scenario (scenarios.check, recipe_scenarios.check), empty when all holds.
"""
import json
import os
import sys
import threading
from http.server import ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import recipe_scenarios  # noqa: E402
import run  # noqa: E402
import run_recipe  # noqa: E402
import scenarios  # noqa: E402


class Served(run.Local):
    def __init__(self):
        super().__init__({})
        self.owner = None
        self.check = None

    def setup(self, body):
        self.owner = body['owner']
        if body['pipeline'] == 'managed':
            every = scenarios.scenarios(self.owner)
            self.scenarios = {n: s for n, s in every.items() if n != run.MISSPELT}
            self.callback, self.parameter, self.check = None, scenarios.PARAMETER, scenarios.check
            self.extra = {'maxPolls': body['maxPolls']}
        else:
            every = recipe_scenarios.scenarios(self.owner)
            keep = bool(body.get('keep'))
            self.scenarios = {n: s for n, s in every.items() if (n in recipe_scenarios.KEEP_SCENARIOS) == keep}
            self.callback, self.parameter, self.check = run_recipe.agent_answer, recipe_scenarios.PARAMETER, recipe_scenarios.check
            self.extra = {}
        self.outcomes = {}
        return {'scenarios': list(self.scenarios)}

    def finish(self, body):
        super().finish(body)
        outcome = {**self.outcome(body['scenario']), 'owner': self.owner}
        try:
            return {'problems': self.check(body['scenario'], outcome)}
        except Exception as e:  # a check that cannot run fails the scenario
            return {'problems': [f'the checks raised {e!r}']}


def main():
    server = ThreadingHTTPServer(('127.0.0.1', 0), run.handler_for(Served()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({'port': server.server_address[1]}), flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == '__main__':
    main()
