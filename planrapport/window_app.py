"""The tkinter window of planrapport venster: a workbook to choose, the buttons' steps, a progress line, the message."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import tkinter as tk
from collections.abc import Callable
from pathlib import Path
from tkinter import filedialog, ttk

from planrapport.buttons import press
from planrapport.own_sheets import Outcome
from planrapport.window_steps import CYCLE_STEPS, NO_WORKBOOK, OPEN_IN_EXCEL, PERIOD_STEPS, REPORT_STEPS, Step
from workbook.plan.errors import WorkbookError
from workbook.storage.locks import is_open

TITLE = "planrapport"
WORKBOOK_LABEL = "Werkboek:"
CHOOSE = "Kies ..."
CHOOSE_TITLE = "Kies het werkboek"
FILE_TYPES = (("Excel-werkboeken", "*.xlsx *.xlsm"), ("Alle bestanden", "*.*"))
REPORTS = "Controle en rapporten"
CYCLE = "Het jaarlijkse verloop"
PERIOD = "Het einde van de planperiode"
READY = "Kies een werkboek en klik op een stap."
BUSY = "{caption}: planrapport is bezig ..."
DONE = "{caption}: klaar."
LOOK = "{caption}: lees de melding hieronder."
OK = "OK"
CANCEL = "Annuleren"
GOOD, BAD, NOTICE = "#1d6b34", "#a4262c", "#8a4b00"
POLL_MS = 40


def open_path(path: Path) -> None:
    """Open a document or folder as a double click in the file manager would."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606
    else:
        subprocess.Popen(["xdg-open", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class _Reply:
    """An answer the worker waits for while the window asks the officer."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: str | None = None

    def give(self, value: str | None) -> None:
        self.value = value
        self.done.set()


class WorkerBook:
    """The book a step and planrapport.buttons.press see in the worker thread: the chosen file, questions and the
    final message handed to the window's thread, the result opened with the window's opener."""

    def __init__(self, path: Path | None, events: queue.Queue, opener: Callable[[Path], None]) -> None:
        self._path = path
        self._events = events
        self._opener = opener
        self.name = path.name if path else ""

    def path(self) -> Path:
        if self._path is None:
            raise WorkbookError(NO_WORKBOOK)
        return self._path

    def ask(self, question: str, default: str) -> str | None:
        reply = _Reply()
        self._events.put(("ask", question, default, reply))
        reply.done.wait()
        return reply.value

    def status(self, text: str | None) -> None:
        pass  # the window shows its own progress line

    def show_sheet(self, name: str) -> None:
        pass  # the workbook is not open in the window; the message names the sheet

    def open_file(self, path: Path) -> None:
        self._opener(path)

    def message(self, text: str, ok: bool) -> None:
        self._events.put(("message", text, ok))


class YearDialog:
    """A small question with its answer filled in; OK or Enter answers, Annuleren, Escape or closing cancels."""

    def __init__(self, parent: tk.Misc, question: str, default: str, reply: Callable[[str | None], None]) -> None:
        self._reply = reply
        self.top = tk.Toplevel(parent)
        self.top.title(TITLE)
        self.top.transient(parent.winfo_toplevel())
        self.top.resizable(False, False)
        frame = ttk.Frame(self.top, padding=14)
        frame.grid(sticky="nsew")
        self.question = ttk.Label(frame, text=question, wraplength=420, justify="left")
        self.question.grid(row=0, column=0, columnspan=2, sticky="w")
        self.answer = tk.StringVar(value=default)
        self.entry = ttk.Entry(frame, textvariable=self.answer, width=max(10, min(60, len(default) + 4)))
        self.entry.grid(row=1, column=0, columnspan=2, sticky="w", pady=(10, 12))
        self.ok = ttk.Button(frame, text=OK, command=self._give)
        self.ok.grid(row=2, column=0, sticky="e", padx=(0, 6))
        self.cancel = ttk.Button(frame, text=CANCEL, command=self._cancel)
        self.cancel.grid(row=2, column=1, sticky="w")
        frame.columnconfigure(0, weight=1)
        self.top.bind("<Return>", lambda _event: self._give())
        self.top.bind("<Escape>", lambda _event: self._cancel())
        self.top.protocol("WM_DELETE_WINDOW", self._cancel)
        self.entry.select_range(0, "end")
        self.entry.focus_set()
        self.top.update_idletasks()
        owner = parent.winfo_toplevel()
        left = owner.winfo_rootx() + max(0, (owner.winfo_width() - self.top.winfo_reqwidth()) // 2)
        top = owner.winfo_rooty() + max(0, (owner.winfo_height() - self.top.winfo_reqheight()) // 3)
        self.top.geometry(f"+{left}+{top}")
        self.top.grab_set()

    def _give(self) -> None:
        self._close(self.answer.get())

    def _cancel(self) -> None:
        self._close(None)

    def _close(self, value: str | None) -> None:
        self.top.grab_release()
        self.top.destroy()
        self._reply(value)


class PlanWindow:
    """The window: the workbook (from the command line or the file dialog), nine steps, progress, message."""

    def __init__(
        self,
        root: tk.Tk,
        path: Path | None = None,
        opener: Callable[[Path], None] = open_path,
        choose_file: Callable[[], str] | None = None,
    ) -> None:
        self.root = root
        self.opener = opener
        self.choose_file = choose_file or self._file_dialog
        self.events: queue.Queue = queue.Queue()
        self.worker: threading.Thread | None = None
        self.dialog: YearDialog | None = None
        self.last: Outcome | None = None
        root.title(TITLE)
        root.minsize(620, 520)
        frame = ttk.Frame(root, padding=12)
        frame.grid(row=0, column=0, sticky="nsew")
        root.columnconfigure(0, weight=1)
        root.rowconfigure(0, weight=1)

        ttk.Label(frame, text=WORKBOOK_LABEL).grid(row=0, column=0, sticky="w")
        self.path_text = tk.StringVar(value=str(path) if path else "")
        self.path_entry = ttk.Entry(frame, textvariable=self.path_text, width=64)
        self.path_entry.grid(row=0, column=1, sticky="ew", padx=6)
        self.choose = ttk.Button(frame, text=CHOOSE, command=self._choose)
        self.choose.grid(row=0, column=2, sticky="e")
        self.notice = tk.Label(frame, text="", fg=NOTICE, anchor="w", justify="left", wraplength=580)
        self.notice.grid(row=1, column=0, columnspan=3, sticky="ew", pady=(4, 6))

        self.buttons: dict[str, ttk.Button] = {}
        for row, (title, steps) in enumerate(
            ((REPORTS, REPORT_STEPS), (CYCLE, CYCLE_STEPS), (PERIOD, PERIOD_STEPS)), start=2
        ):
            group = ttk.LabelFrame(frame, text=title, padding=(8, 4))
            group.grid(row=row, column=0, columnspan=3, sticky="ew", pady=4)
            for column, step in enumerate(steps):
                button = ttk.Button(group, text=step.caption, width=20, command=lambda s=step: self.start(s))
                button.grid(row=0, column=column, padx=3, pady=3)
                self.buttons[step.caption] = button

        self.progress_text = tk.StringVar(value=READY)
        self.progress_label = tk.Label(frame, textvariable=self.progress_text, anchor="w")
        self.progress_label.grid(row=5, column=0, columnspan=2, sticky="ew", pady=(8, 2))
        self.progress = ttk.Progressbar(frame, mode="indeterminate", length=140)
        self.progress.grid(row=5, column=2, sticky="e", pady=(8, 2))
        self.progress.grid_remove()

        box = ttk.Frame(frame)
        box.grid(row=6, column=0, columnspan=3, sticky="nsew")
        self.message = tk.Text(
            box,
            wrap="word",
            height=14,
            width=80,
            relief="flat",
            padx=8,
            pady=6,
            font="TkFixedFont",
            background="#ffffff",
            state="disabled",
        )
        scroll = ttk.Scrollbar(box, orient="vertical", command=self.message.yview)
        self.message.configure(yscrollcommand=scroll.set)
        self.message.grid(row=0, column=0, sticky="nsew")
        scroll.grid(row=0, column=1, sticky="ns")
        box.columnconfigure(0, weight=1)
        box.rowconfigure(0, weight=1)
        frame.columnconfigure(1, weight=1)
        frame.rowconfigure(6, weight=1)

        self.path_text.trace_add("write", lambda *_: self.refresh())
        root.bind("<FocusIn>", lambda _event: self.refresh())
        self.refresh()
        root.after(POLL_MS, self._poll)

    # ---- what the officer sees ----

    def workbook(self) -> Path | None:
        text = self.path_text.get().strip().strip('"')
        return Path(text).expanduser().resolve() if text else None

    def refresh(self) -> None:
        """The title and the notice that Excel has the workbook open."""
        path = self.workbook()
        self.root.title(f"{TITLE} - {path.name}" if path else TITLE)
        self.path_entry.xview_moveto(1)  # the end of a long path: the workbook's name
        held = path is not None and path.is_file() and is_open(path)
        self.notice.configure(text=OPEN_IN_EXCEL.format(name=path.name) if held and path else "")

    def message_text(self) -> str:
        return self.message.get("1.0", "end-1c")

    def busy(self) -> bool:
        return self.worker is not None

    def _show(self, text: str) -> None:
        self.message.configure(state="normal")
        self.message.delete("1.0", "end")
        self.message.insert("1.0", text)
        self.message.configure(state="disabled")

    def _choose(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.path_text.set(str(Path(chosen)))

    def _file_dialog(self) -> str:
        path = self.workbook()
        folder = path.parent if path and path.parent.is_dir() else Path.home()
        return filedialog.askopenfilename(
            parent=self.root, title=CHOOSE_TITLE, filetypes=FILE_TYPES, initialdir=str(folder)
        )

    # ---- a step in the worker thread ----

    def start(self, step: Step) -> None:
        if self.busy():
            return
        self.refresh()
        book = WorkerBook(self.workbook(), self.events, self.opener)
        for button in (*self.buttons.values(), self.choose):
            button.state(["disabled"])
        self.path_entry.state(["disabled"])
        self.caption = step.caption
        self.progress_text.set(BUSY.format(caption=step.caption))
        self.progress_label.configure(fg="black")
        self.progress.grid()
        self.progress.start(12)
        self._show("")
        self.worker = threading.Thread(target=self._work, args=(step, book), daemon=True)
        self.worker.start()

    def _work(self, step: Step, book: WorkerBook) -> None:
        self.last = press(lambda live: step.run(live), book)  # type: ignore[arg-type]

    def _poll(self) -> None:
        try:
            while True:
                event = self.events.get_nowait()
                if event[0] == "ask":
                    _, question, default, reply = event
                    self.dialog = YearDialog(self.root, question, default, reply.give)
                elif event[0] == "message":
                    _, text, ok = event
                    self._finish(text, ok)
        except queue.Empty:
            pass
        if self.dialog is not None and not self.dialog.top.winfo_exists():
            self.dialog = None
        self.root.after(POLL_MS, self._poll)

    def _finish(self, text: str, ok: bool) -> None:
        if self.worker is not None:
            self.worker.join()
        self.worker = None
        self.progress.stop()
        self.progress.grid_remove()
        self.progress_text.set((DONE if ok else LOOK).format(caption=self.caption))
        self.progress_label.configure(fg=GOOD if ok else BAD)
        self._show(text)
        for button in (*self.buttons.values(), self.choose):
            button.state(["!disabled"])
        self.path_entry.state(["!disabled"])
        self.refresh()
