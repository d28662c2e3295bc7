"""Capturing what the student's function prints (cut to its first and last lines), and telling a student whose check
is stuck in a loop how to stop it."""
import collections
import contextlib
import io
import sys
import threading
import time

_captures = []  # the capture of each report being run (innermost last)
_streams = []  # where a check's progress messages go when its printing is redirected (see ``quiet``)


class Captured:
    """A text stream that keeps the first ``HEAD`` and last ``TAIL`` lines written to it and counts the rest.

    Memory stays small whatever is written (10 MB of prints keep about 15 lines); ``show`` prints what was
    kept and says how much was dropped.
    """
    HEAD, TAIL, WIDTH = 10, 5, 200

    def __init__(self):
        self.head, self.tail = [], collections.deque(maxlen=self.TAIL)
        self.partial, self.partial_chars = "", 0
        self.lines = self.chars = 0

    def write(self, text):
        text = str(text)
        self.chars += len(text)
        pieces = text.split("\n")
        for piece in pieces[:-1]:
            self._add(self.partial + piece[: self.WIDTH + 1], self.partial_chars + len(piece))
            self.partial, self.partial_chars = "", 0
        last = pieces[-1]
        if len(self.partial) <= self.WIDTH:
            self.partial += last[: self.WIDTH + 1 - len(self.partial)]
        self.partial_chars += len(last)
        return len(text)

    def _add(self, line, length):
        self.lines += 1
        line = line if length <= self.WIDTH else line[: self.WIDTH] + f"… ({length:,} characters)"
        if len(self.head) < self.HEAD:
            self.head.append(line)
        else:
            self.tail.append(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def end_line(self):
        """End a line left open (a print with end=""), as at the end of each call of the function."""
        if self.partial_chars:
            self._add(self.partial, self.partial_chars)
            self.partial, self.partial_chars = "", 0

    def show(self, stream):
        self.end_line()
        if not self.lines:
            return
        kept = len(self.head) + len(self.tail)
        dropped = self.lines - kept
        out = ["Your function printed:" if not dropped else
               f"Your function printed {self.lines:,} lines ({_size(self.chars)}); the first {len(self.head)} and the last "
               f"{len(self.tail)}:"]
        out += ["    " + line for line in self.head]
        if dropped:
            out.append(f"    … {dropped:,} lines not shown …")
        out += ["    " + line for line in self.tail]
        print("\n".join(out), file=stream)


def _size(chars):
    return f"{chars / 1e6:.1f} MB" if chars >= 1e6 else f"{chars / 1e3:.1f} kB" if chars >= 1e3 else f"{chars} characters"


@contextlib.contextmanager
def quiet():
    """Swallow a check's verdict (for a later cell that only wants True or False); progress messages still show."""
    _streams.append(sys.stdout)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            yield printed
    finally:
        _streams.pop()


class StillRunning:
    """After ``AFTER`` seconds (then every ``EVERY``), tell the student a check is still running and how to stop it."""
    AFTER, EVERY = 5.0, 30.0

    def __init__(self, title, stream):
        self.title, self.stream, self.start = title, stream, time.monotonic()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, name=f"check {title}", daemon=True)
        self.thread.start()

    def _watch(self):
        wait = self.AFTER
        while not self.done.wait(wait):
            seconds = time.monotonic() - self.start
            try:
                print(f"… the check of {self.title} is still running after {seconds:.0f} s (it usually takes under a second): "
                      "your function may be stuck in a loop, such as a `while` whose condition never changes. "
                      "Stop it with Kernel → Interrupt Kernel (■), then look at your loops.", file=self.stream, flush=True)
            except Exception:  # the stream is gone: nothing to tell
                return
            wait = self.EVERY

    def stop(self):
        self.done.set()
