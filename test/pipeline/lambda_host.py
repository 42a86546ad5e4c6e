"""The pipeline's Lambda function in the engine tests: its own code (from the template) runs under Node
in lambda-host.mjs, and its AppStream calls reach the fake in the Region each client names.

`sdk_answer(fake, body)` answers one such call (POST {region, operation, params}); run.py serves it for
the Node engine, and `invoke()` serves it for one invocation from moto's engine.
"""
import json
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fake_aws import AwsError

HOST = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lambda-host.mjs')


def sdk_answer(fake, body):
    """The fake's answer to one AppStream call the function's SDK client made."""
    try:
        return {'result': fake.call_in_region(body['region'], 'appstream', body['operation'], body['params'])}
    except AwsError as e:
        return {'error': e.code, 'message': e.message}


def _handler(fake):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers['Content-Length'])))
            data = json.dumps(sdk_answer(fake, body), default=str).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)
    return Handler


def invoke(node, code, event, function_arn, fake):
    """Run the function once: {'result': ...}, or {'errorType': ..., 'errorMessage': ...} as Lambda reports an error."""
    server = ThreadingHTTPServer(('127.0.0.1', 0), _handler(fake))
    # A short poll, so that shutdown() returns at once (it waits for the serving loop to look).
    threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.01}, daemon=True).start()
    try:
        url = f'http://127.0.0.1:{server.server_address[1]}/sdk'
        done = subprocess.run([node, HOST, url, function_arn], input=json.dumps({'code': code, 'event': event}),
                              capture_output=True, text=True, timeout=60)
    finally:
        server.shutdown()
    if done.returncode != 0:
        raise RuntimeError(f'lambda-host.mjs failed ({done.returncode}): {done.stderr}')
    return json.loads(done.stdout)
