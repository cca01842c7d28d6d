"""A bubblewrap sandbox per notebook.

Inside: read-only binds of the system (``/usr``, a few files of ``/etc``), of the Python installation
and virtual environment, and of the course package (``techdiplomacy/``) and its data (``data/``) at
their usual paths; a private ``/tmp`` and a private working folder (``/home/student``, both small
in-memory file systems) holding only the one notebook; new namespaces for everything (no network
but a private loopback, its own process tree, no view of other processes or kernels); an empty
environment but for a few variables; ``--die-with-parent`` and ``--new-session``. When the grader
runs as root, the runner drops to an unprivileged user of its own per job slot inside; otherwise a
user namespace keeps the caller's user. The runner sets the resource limits (memory, processes,
file size, CPU time). Nothing else of the machine is visible: not the folder of submissions, the
other submissions, the repository's notebooks with solutions, the instructor edition, nor anything
under the home folder.

When the sandbox's first process ends, or the grader kills the sandbox, the kernel of its process
namespace kills every process left in it: nothing of a notebook outlives its run.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from coursebook.grading.common import ROOT, GradingLimits

INSIDE = Path(__file__).resolve().with_name("inside.py")
WORKDIR = "/home/student"
NOTEBOOK = f"{WORKDIR}/submission.ipynb"
FIRST_UID = 61000
USERS = 4000  # the unprivileged users of the sandboxes (when run as root): one per notebook, FIRST_UID + n
ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf", "passwd", "group", "hosts",
       "ssl", "mime.types")

INSTALL_HINT = ("Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install bubblewrap) "
                "and allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 where needed), "
                "or run the grader as root. On macOS or Windows, grade in a Linux virtual machine or container. "
                "Only if you trust every submission: --unsafe-no-sandbox.")


def _python() -> str:
    return sys.executable


def _binds() -> list[str]:
    args: list[str] = []
    for top in ("usr", "bin", "sbin", "lib", "lib64", "lib32"):
        path = Path("/") / top
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ETC:
        path = Path("/etc") / name
        if path.exists():
            args += ["--ro-bind", str(path), str(path)]
    seen: list[str] = []
    made: set[str] = {"/tmp"}  # the private /tmp keeps its own mode

    def parents(place: str) -> list[str]:
        """Make the folders above a bind readable by the unprivileged user (bwrap makes them 0700)."""
        out = []
        for parent in reversed(Path(place).parents):
            if str(parent) != "/" and str(parent) not in made and not str(parent).startswith("/usr"):
                made.add(str(parent))
                out += ["--perms", "0755", "--dir", str(parent)]
        return out

    places = [os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), str(ROOT / "techdiplomacy"), str(ROOT / "data"),
              str(ROOT / "coursebook")]
    for place in places:
        if place in seen or any(place.startswith(s + os.sep) for s in seen) or place.startswith("/usr/"):
            continue
        seen.append(place)
        args += [*parents(place), "--ro-bind", place, place]
        if os.path.realpath(sys.prefix) == place and os.path.abspath(sys.prefix) != place:
            args += [*parents(os.path.abspath(sys.prefix)), "--ro-bind", place, os.path.abspath(sys.prefix)]
    return args


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The only variables a notebook sees."""
    env = {
        "HOME": WORKDIR, "USER": "student", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": "/tmp",
        "PATH": f"{os.path.dirname(os.path.abspath(_python()))}:/usr/local/bin:/usr/bin:/bin",
        "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_RUNTIME_DIR": "/tmp/.jupyter/runtime", "JUPYTER_DATA_DIR": "/tmp/.jupyter/data",
        "JUPYTER_CONFIG_DIR": "/tmp/.jupyter/config", "JUPYTER_PLATFORM_DIRS": "1", "IPYTHONDIR": "/tmp/.ipython",
        "MPLCONFIGDIR": "/tmp/.matplotlib", "MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_MAX_THREADS": "1",
    }
    env.update(extra or {})
    return env


def _as_root() -> bool:
    return os.geteuid() == 0


def base_command(limits: GradingLimits, env: dict[str, str], notebook_fd: int | None) -> list[str]:
    bwrap = shutil.which("bwrap") or "bwrap"
    args = [bwrap, "--die-with-parent", "--new-session", "--unshare-ipc", "--unshare-pid", "--unshare-net",
            "--unshare-uts", "--unshare-cgroup-try", "--hostname", "sandbox"]
    if _as_root():
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    # The private /tmp comes first, so that a course or virtual environment living under /tmp (a CI
    # checkout, say) is bound on top of it rather than hidden by it.
    args += ["--proc", "/proc", "--dev", "/dev",
             "--perms", "1777", "--size", str(limits.disk // 2), "--tmpfs", "/tmp"]
    args += _binds()
    args += ["--perms", "1777", "--size", str(limits.disk // 2), "--tmpfs", WORKDIR]
    if notebook_fd is not None:
        args += ["--perms", "0644", "--file", str(notebook_fd), NOTEBOOK]
    args += ["--perms", "0755", "--dir", "/grader", "--ro-bind", str(INSIDE), "/grader/inside.py", "--chdir", WORKDIR, "--clearenv"]
    for key, value in env.items():
        args += ["--setenv", key, value]
    return args


def _own_processes() -> int:
    uid, count = os.getuid(), 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def user_id(number: int) -> int:
    return FIRST_UID + number % USERS


def runner_config(limits: GradingLimits, user: int, names: list[str], sandboxed: bool, workdir: str) -> dict:
    root = _as_root() and sandboxed
    processes = limits.processes if root else _own_processes() + limits.processes
    return {"uid": user_id(user) if root else None, "gid": user_id(user) if root else None,
            "memory": limits.memory, "file_size": limits.file_size, "cpu": limits.notebook + 30,
            "processes": processes, "cell": limits.cell, "names": names, "workdir": workdir,
            "notebook": NOTEBOOK if sandboxed else os.path.join(workdir, "submission.ipynb")}


def spawn(notebook: bytes, names: list[str], limits: GradingLimits, slot: int, sandboxed: bool,
          extra_env: dict[str, str] | None = None, scratch: str | None = None, user: int | None = None) -> subprocess.Popen:
    """Start the runner for one notebook (in the sandbox unless ``sandboxed`` is False).

    ``user`` numbers the notebook: as root, its sandbox runs as its own unprivileged user, so that
    the process limit of one notebook never counts another's processes.
    """
    user = slot if user is None else user
    env = environment(extra_env)
    if sandboxed:
        import tempfile

        with tempfile.TemporaryFile() as handle:
            handle.write(notebook)
            handle.flush()
            handle.seek(0)
            config = runner_config(limits, user, names, True, WORKDIR)
            argv = base_command(limits, env, handle.fileno()) + ["--", _python(), "-I", "-B", "/grader/inside.py", json.dumps(config)]
            return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=_stderr(),
                                    pass_fds=(handle.fileno(),), start_new_session=True, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    assert scratch is not None
    Path(scratch, "submission.ipynb").write_bytes(notebook)
    env.update({"HOME": scratch, "TMPDIR": scratch, "PYTHONPYCACHEPREFIX": os.path.join(scratch, ".pycache"),
                "JUPYTER_RUNTIME_DIR": os.path.join(scratch, ".jupyter")})
    config = runner_config(limits, user, names, False, scratch)
    return subprocess.Popen([_python(), "-I", "-B", str(INSIDE), json.dumps(config)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=_stderr(), cwd=scratch, env=env, start_new_session=True)


def _stderr():
    return None if os.environ.get("GRADER_DEBUG") else subprocess.DEVNULL


def kill(process: subprocess.Popen) -> None:
    """Kill the sandbox and, with it, every process of its process namespace."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.kill()
    except ProcessLookupError:
        pass
    for stream in (process.stdin, process.stdout):
        try:
            if stream:
                stream.close()
        except OSError:
            pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def wait_for_user(number: int, seconds: float = 10.0) -> bool:
    """Wait until no process of notebook ``number``'s user is left (as root); True if none is."""
    if not _as_root():
        return True
    import time

    uid, end = user_id(number), time.monotonic() + seconds
    while time.monotonic() < end:
        alive = False
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.stat(f"/proc/{entry}").st_uid == uid:
                        alive = True
                        break
                except OSError:
                    pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


@functools.lru_cache(maxsize=1)
def problem() -> str | None:
    """Why no sandbox can be made here (``None`` if one can)."""
    if not sys.platform.startswith("linux"):
        return f"bubblewrap sandboxes need Linux; this is {sys.platform}. {INSTALL_HINT}"
    if shutil.which("bwrap") is None:
        return f"bubblewrap (bwrap) is not installed. {INSTALL_HINT}"
    argv = base_command(GradingLimits(), environment(), None) + ["--", _python(), "-I", "-B", "-c",
                                                                  "import os, jupyter_client, techdiplomacy; print('sandbox ok')"]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bubblewrap could not start a sandbox ({error}). {INSTALL_HINT}"
    if "sandbox ok" not in done.stdout:
        return f"bubblewrap could not start a sandbox ({done.stderr.strip()[-300:]}). {INSTALL_HINT}"
    return None
