"""The grader's runner, executed INSIDE the sandbox with the notebook's kernel (stand-alone script).

``python -I -B inside.py CONFIG_JSON``. It drops to an unprivileged user when started as root, sets
the resource limits, starts a kernel in the working folder, runs the notebook's code cells one by one
(a cell is interrupted after its time; a cell that ignores the interrupt, or kills its kernel, is
skipped and the notebook rerun from the start without it), then runs the export cell, which sends
the answers as tagged JSON of exact built-in values through a private socket. The runner prints one
line to the grader (its standard output): ``{"notes": [...], "answers": {...}}``. Then, for function
answers, it relays the grader's requests (two move histories) to the kernel and the kernel's move
back, one line each, until its standard input closes. No verdict is computed here.

Outputs of the cells are dropped as they arrive (only error names are kept), and the kernel's
messages are capped in size (ZeroMQ's ``MAXMSGSIZE``), so a notebook printing hundreds of megabytes
costs the runner nothing.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import secrets
import socket
import sys
import time

MAX_MESSAGE = 8 * 1024**2
MAX_EXPORT = 4 * 1024**2
GRACE = 3.0

EXPORT = r'''
def __grader_export(path, nonce, names, max_items, max_depth):
    import json as _json, socket as _socket
    namespace = globals()
    count = [0]

    class NotData(Exception):
        pass

    def encode(value, depth):
        count[0] += 1
        if count[0] > max_items or depth > max_depth:
            raise NotData("too large or too deep")
        kind = type(value)
        if value is None:
            return ["none"]
        if value is ...:
            return ["ellipsis"]
        if kind is bool:
            return ["bool", value]
        if kind is int:
            if value.bit_length() > 256:
                raise NotData("a very large number")
            return ["int", str(value)]
        if kind is float:
            return ["float", float.__repr__(value)]
        if kind is str:
            return ["str", str.__str__(value)]
        if kind in (list, tuple, set, frozenset):
            return [kind.__name__, [encode(item, depth + 1) for item in value]]
        if kind is dict:
            return ["dict", [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in dict.items(value)]]
        module = getattr(kind, "__module__", "")
        if type(module) is str and module.split(".")[0] == "numpy" and hasattr(value, "tolist"):
            return encode(value.tolist(), depth + 1)
        raise NotData(kind.__name__)

    answers, functions = {}, {}
    for name in names:
        if name not in namespace:
            answers[name] = {"kind": "missing"}
            continue
        value = namespace[name]
        try:
            count[0] = 0
            answers[name] = {"kind": "data", "value": encode(value, 0)}
        except NotData as problem:
            if callable(value) and type(value).__name__ == "function":
                functions[name] = value
                answers[name] = {"kind": "function"}
            else:
                answers[name] = {"kind": "object", "type": str(problem)[:80]}
        except BaseException as problem:
            answers[name] = {"kind": "object", "type": type(problem).__name__[:80]}
    channel = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    channel.connect(path)
    stream = channel.makefile("rwb")
    stream.write((_json.dumps({"nonce": nonce, "answers": answers}) + "\n").encode())
    stream.flush()
    while True:
        line = stream.readline(1_000_000)
        if not line:
            break
        try:
            request = _json.loads(line)
            function = functions[request["name"]]
            result = function(tuple(request["my"]), tuple(request["their"]))
            if type(result) is str and result in ("C", "D"):
                reply = str.__str__(result)
            elif result is ...:
                reply = "..."
            else:
                reply = "?" + type(result).__name__[:40]
        except BaseException as error:
            try:
                reply = "!" + type(error).__name__[:40] + ":" + str(error)[:200]
            except BaseException:
                reply = "!Exception:"
        stream.write((_json.dumps(reply) + "\n").encode())
        stream.flush()


__grader_export(PATH, NONCE, NAMES, 100000, 24)
'''


def drop_privileges(uid: int, gid: int) -> None:
    if os.getuid() != 0:
        return
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getuid() == 0 or os.geteuid() == 0:
        raise SystemExit("could not drop privileges")


def set_limits(config: dict) -> None:
    limits = [
        (resource.RLIMIT_AS, config["memory"]),
        (resource.RLIMIT_FSIZE, config["file_size"]),
        (resource.RLIMIT_CPU, int(config["cpu"])),
        (resource.RLIMIT_NPROC, config["processes"]),
        (resource.RLIMIT_NOFILE, 512),
        (resource.RLIMIT_CORE, 0),
    ]
    for kind, value in limits:
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            soft, hard = resource.getrlimit(kind)
            resource.setrlimit(kind, (min(value, hard) if hard != resource.RLIM_INFINITY else value, hard))


class Kernel:
    """A kernel and its client, with capped message sizes."""

    def __init__(self, workdir: str) -> None:
        self.workdir = workdir

    async def start(self) -> None:
        import zmq
        import zmq.asyncio
        from jupyter_client.manager import AsyncKernelManager

        context = zmq.asyncio.Context()
        context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE)
        self.km = AsyncKernelManager(kernel_name="python3", context=context)
        env = dict(os.environ)
        await self.km.start_kernel(cwd=self.workdir, env=env, stdout=open(os.devnull, "wb"), stderr=open(os.devnull, "wb"))
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=90)

    async def run(self, code: str, seconds: float) -> tuple[str, list[str]]:
        """Run ``code``; ``(how, errors)`` where how is ok, interrupted, stuck or dead."""
        from queue import Empty

        msg_id = self.kc.execute(code, store_history=False, allow_stdin=False, stop_on_error=False)
        errors: list[str] = []
        end, interrupted = time.monotonic() + seconds, False
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                if interrupted:
                    return "stuck", errors
                interrupted = True
                try:
                    await self.km.interrupt_kernel()
                except Exception:  # noqa: BLE001
                    return "dead", errors
                end = time.monotonic() + GRACE
                continue
            try:
                msg = await self.kc.get_iopub_msg(timeout=min(remaining, 1.0))
            except Empty:
                if not await self.km.is_alive():
                    return "dead", errors
                continue
            except Exception:  # noqa: BLE001 - a message the client cannot read
                continue
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg.get("msg_type"), msg.get("content", {})
            if kind == "error":
                errors.append(f"{str(content.get('ename'))[:80]}: {str(content.get('evalue'))[:160]}")
            elif kind == "status" and content.get("execution_state") == "idle":
                return ("interrupted" if interrupted else "ok"), errors

    async def stop(self) -> None:
        try:
            self.kc.stop_channels()
            await self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001
            pass


async def execute(cells: list[tuple[int, str]], config: dict, skip: set[int]) -> tuple[Kernel | None, list[str], int | None]:
    """Run the cells (except ``skip``) in a fresh kernel; ``(kernel, notes, cell to skip and rerun without)``."""
    kernel = Kernel(config["workdir"])
    await kernel.start()
    notes = []
    for index, source in cells:
        if index in skip:
            continue
        how, errors = await kernel.run(source, config["cell"])
        if how in ("stuck", "dead"):
            await kernel.stop()
            what = "ignored the interrupt" if how == "stuck" else "stopped its kernel"
            return None, [f"cell {index} {what}; the notebook was rerun without it"], index
        if how == "interrupted":
            notes.append(f"cell {index} ran longer than {config['cell']:g} s and was interrupted")
        notes += [f"cell {index} raised {error}" for error in errors[:1]]
    return kernel, notes, None


async def main(config: dict, out) -> int:
    with open(config["notebook"], encoding="utf-8") as handle:
        notebook = json.load(handle)
    cells = []
    for index, cell in enumerate(notebook.get("cells", [])):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            cells.append((index, source))
    skip: set[int] = set()
    notes: list[str] = []
    kernel = None
    for _attempt in range(4):
        kernel, more, bad = await execute(cells, config, skip)
        notes += more
        if bad is None:
            break
        skip.add(bad)
    if kernel is None:
        out.write((json.dumps({"notes": notes + ["the notebook could not be run to the end"], "answers": None}) + "\n").encode())
        out.flush()
        return 0
    path = os.path.join("/tmp", f".grader-{secrets.token_hex(12)}.sock")
    nonce = secrets.token_hex(16)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    server.settimeout(60)
    code = EXPORT.replace("PATH", repr(path)).replace("NONCE", repr(nonce)).replace("NAMES", repr(config["names"]))
    kernel.kc.execute(code, store_history=False, allow_stdin=False)
    answers = None
    try:
        connection, _ = await asyncio.get_running_loop().run_in_executor(None, server.accept)
        connection.settimeout(60)
        stream = connection.makefile("rwb")
        line = stream.readline(MAX_EXPORT + 1)
        data = json.loads(line) if len(line) <= MAX_EXPORT else None
        if isinstance(data, dict) and data.get("nonce") == nonce:
            answers = data.get("answers")
        else:
            notes.append("the answers could not be read (too large or malformed)")
    except Exception as error:  # noqa: BLE001
        notes.append(f"the answers could not be read ({type(error).__name__})")
        stream = None
    out.write((json.dumps({"notes": notes, "answers": answers}) + "\n").encode())
    out.flush()
    if stream is not None:
        connection.settimeout(None)
        stdin = sys.stdin.buffer
        while True:
            request = await asyncio.get_running_loop().run_in_executor(None, stdin.readline, 100_000)
            if not request:
                break
            stream.write(request if request.endswith(b"\n") else request + b"\n")
            stream.flush()
            reply = await asyncio.get_running_loop().run_in_executor(None, stream.readline, 1000)
            if not reply:
                break
            out.write(reply[:1000] if reply.endswith(b"\n") else reply[:999] + b"\n")
            out.flush()
    await kernel.stop()
    return 0


if __name__ == "__main__":
    settings = json.loads(sys.argv[1])
    set_limits(settings)
    if settings.get("uid") is not None:
        drop_privileges(settings["uid"], settings["gid"])
    channel = os.fdopen(os.dup(1), "wb")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    sys.dont_write_bytecode = True
    raise SystemExit(asyncio.run(main(settings, channel)))
