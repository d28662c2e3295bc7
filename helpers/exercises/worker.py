"""The sealed grader's worker: the one process where a submission's code runs (see `sealed.py`, the grader's side).

Run as ``python -I worker.py`` by the grader, it never imports helpers: ``helpers`` in the student's code is a stand-in
whose every function is computed by the grader, which refuses what the exercise does not allow, and an import of the
real package is refused. It executes the submission's cells, then calls the student's functions on the arguments the
grader sends, on the course's own calling rules (`calling.call`, loaded here without the package), and sends back
values, never verdicts: the grader compares them with the reference in a process where no student code ran.

The messages are length-prefixed JSON; arrays travel as their raw bytes with a numeric dtype and a shape (never pickled), so a message can
only ever be data. This file imports nothing but the standard library and numpy (the grader imports its codec).
"""
import base64
import io
import json
import struct
import sys

import numpy as np

LIMIT = 64 * 2 ** 20  # the largest message either side accepts


class Opaque:
    """A value of a type the wire does not carry (a set, a generator…): its type's name and its repr, for the verdict."""

    def __init__(self, kind, text):
        self.kind, self.text = kind, text

    def __repr__(self):
        return self.text


def encode(value, functions=None, depth=0):
    """A JSON-able form of ``value``; a callable becomes ``{"$fn": i}`` with the callable appended to ``functions``."""
    if depth > 20:
        return {"$opaque": type(value).__name__, "repr": "(nested too deeply)"}
    if isinstance(value, (np.ndarray, np.generic)) and value.dtype.kind in "biufc":
        array = np.ascontiguousarray(value)
        return {"$array": base64.b64encode(array.tobytes()).decode("ascii"), "dtype": array.dtype.str,
                "shape": list(array.shape), "scalar": isinstance(value, np.generic)}
    if value is None or type(value) in (bool, str):
        return value
    if type(value) is int:
        return value if abs(value) < 2 ** 53 else {"$int": str(value)}
    if type(value) is float:
        return {"$float": float.__repr__(value)}
    if isinstance(value, (list, tuple)):
        return {"$" + type(value).__name__ if type(value) in (list, tuple) else "$list": [encode(v, functions, depth + 1) for v in value]}
    if type(value) is dict and all(isinstance(k, str) for k in value):
        return {"$dict": {k: encode(v, functions, depth + 1) for k, v in value.items()}}
    if callable(value) and functions is not None:
        functions.append(value)
        return {"$fn": len(functions) - 1}
    text = repr(value) if isinstance(value, (complex, dict, set, frozenset, range, slice)) else f"<a {type(value).__name__}>"
    return {"$opaque": type(value).__name__, "repr": text[:200]}


def decode(data, function=None):
    """The value ``encode`` made; ``function(i)`` makes the stand-in for the i-th callable."""
    if not isinstance(data, dict):
        return data
    if "$float" in data:
        return float(data["$float"])
    if "$int" in data:
        return int(data["$int"])
    if "$array" in data:  # raw bytes of a numeric dtype: never an object, never unpickled
        dtype = np.dtype(str(data["dtype"]))
        if dtype.kind not in "biufc" or dtype.hasobject:
            raise ValueError(f"an array of dtype {dtype} cannot be received")
        shape = tuple(int(n) for n in data["shape"])
        array = np.frombuffer(base64.b64decode(data["$array"]), dtype=dtype).reshape(shape).copy()
        return array[()] if data.get("scalar") else array
    if "$list" in data:
        return [decode(v, function) for v in data["$list"]]
    if "$tuple" in data:
        return tuple(decode(v, function) for v in data["$tuple"])
    if "$dict" in data:
        return {str(k): decode(v, function) for k, v in data["$dict"].items()}
    if "$fn" in data and function is not None:
        return function(int(data["$fn"]))
    return Opaque(str(data.get("$opaque", "object"))[:60], str(data.get("repr", ""))[:200])


def send(stream, message):
    body = json.dumps(message).encode()
    stream.write(struct.pack(">I", len(body)) + body)
    stream.flush()


def receive(stream):
    head = stream.read(4)
    if len(head) < 4:
        raise EOFError("the other side closed the channel")
    size = struct.unpack(">I", head)[0]
    if size > LIMIT:
        raise ValueError(f"a message of {size} bytes (at most {LIMIT})")
    return json.loads(stream.read(size))


# ---------------------------------------------------------------------------------------------------------------------
# The worker's side (only when run as a script)

def _serve(channel_in, channel_out, exercises_dir):
    import importlib.util
    import linecache
    import types

    def ask(op, **fields):
        send(channel_out, {"op": op, **fields})
        reply = receive(channel_in)
        if reply.get("missing"):
            raise AttributeError(f"module 'helpers' has no attribute '{fields.get('name')}'")
        if "error" in reply:
            raise Refused(reply["error"])
        return decode(reply["value"], remote_function)

    def remote_function(index):
        def given(*args, **kwargs):  # a function the check passed in: the grader runs it
            return ask("callback", index=index, args=encode(list(args)), kwargs=encode(dict(kwargs)))
        return given

    class Refused(Exception):
        """The grader refused a helpers call, or a function it ran for the answer raised."""

    class StandIn(types.ModuleType):
        """``helpers`` in a graded answer: each function is computed by the grader, which allows only what the exercise
        names; nothing of the real package is in this process."""

        def __getattr__(self, name):
            if name.startswith("__"):
                raise AttributeError(name)

            def helper(*args, **kwargs):
                return ask("helper", name=name, args=encode(list(args)), kwargs=encode(dict(kwargs)))
            helper.__name__ = name
            return helper

    class NoHelpers:
        """Refuses to import the real helpers package (or any of its modules) in this process."""

        def find_spec(self, name, path=None, target=None):
            if name == "helpers" or name.startswith("helpers."):
                raise ImportError(f"{name} cannot be imported in a graded answer: use `helpers.` as the notebook does")
            return None

    # the course's calling rules (calling.py, capture.py, diagnosis.py, outcomes.py) as a package of their own,
    # without helpers/__init__.py and so without any reference implementation
    package = types.ModuleType("_bbh_calling")
    package.__path__ = [exercises_dir]
    sys.modules["_bbh_calling"] = package
    spec = importlib.util.spec_from_file_location("_bbh_calling.calling", f"{exercises_dir}/calling.py")
    calling = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = calling
    spec.loader.exec_module(calling)
    capture_module = sys.modules["_bbh_calling.capture"]
    outcomes = sys.modules["_bbh_calling.outcomes"]

    helpers = StandIn("helpers")
    sys.modules["helpers"] = helpers
    sys.meta_path.insert(0, NoHelpers())
    namespace = {"__name__": "__main__", "np": np, "helpers": helpers}

    setup = receive(channel_in)
    failed = []
    for label, source in setup["cells"]:
        filename = f"<cell {label}>"
        linecache.cache[filename] = (len(source), None, [line + "\n" for line in source.splitlines()], filename)
        try:
            with calling.contextlib.redirect_stdout(io.StringIO()), calling.contextlib.redirect_stderr(io.StringIO()):
                exec(compile(source, filename, "exec"), namespace)
        except BaseException as error:  # noqa: BLE001 (a cell that raises defines what it defined before the error)
            failed.append([label, f"{type(error).__name__}: {error}"[:300]])
    send(channel_out, {"op": "ready", "failed": failed})

    while True:
        request = receive(channel_in)
        fn = namespace.get(request["name"])
        args = decode(request["args"], remote_function)
        capture = capture_module.Captured()
        capture_module._captures.append(capture)
        calling._called.append([])
        try:
            if fn is None:
                raise outcomes.NotYet(f"not defined: there is no `{request['name']}` in your answers; its cell must define it "
                                      f"(`def {request['name']}(...):`)")
            result = calling.call(fn, request["title"], *args, copy_args=False)
            reply = {"op": "done", "value": encode(result), "after": encode(args),
                     "locals": encode({k: v for k, v in calling.last_locals().items()
                                       if isinstance(v, (np.ndarray, np.generic, int, float))})}
        except outcomes.Stop as stop:
            reply = {"op": "stop", "text": str(stop), "blank": isinstance(stop, outcomes.NotYet)}
        finally:
            capture_module._captures.pop()
            called = calling._called.pop()
        shown = io.StringIO()
        capture.show(shown)
        reply.update(printed=shown.getvalue()[:20000], called=[f.__name__ for f in called if hasattr(f, "__name__")])
        send(channel_out, reply)


if __name__ == "__main__":
    import os

    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != os.path.dirname(os.path.abspath(__file__))]
    # the channel is the process's stdin and stdout as they were given; what the student's code prints goes nowhere
    channel_in = os.fdopen(os.dup(0), "rb")
    channel_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(devnull, fd)
    sys.stdin, sys.stdout = open(os.devnull), open(os.devnull, "w")
    try:
        _serve(channel_in, channel_out, sys.argv[1])
    except EOFError:
        pass
