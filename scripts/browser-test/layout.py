#!/usr/bin/env python3
"""Loads a page in headless Chromium at a window size and reports what the layout does, over the DevTools protocol
on a pipe (--remote-debugging-pipe: JSON messages ending in NUL on file descriptors 3 and 4; no extra package).
Fails when the page scrolls sideways (document wider than the viewport: only the coverage matrix may scroll, inside
its own box) or when its title was changed by a script. --no-script loads the page with its scripts off; --dump FILE
writes the DOM as loaded. Usage: layout.py NAME URL WIDTH HEIGHT [--mobile] [--no-script] [--dump FILE]"""
import fcntl
import json
import os
import subprocess
import sys
import time


class Browser:
    def __init__(self):
        # Chromium's ends are moved above 10 first, so that placing them on 3 and 4 in the child overwrites nothing.
        def high(fd):
            moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
            os.close(fd)
            return moved

        to_chrome_r, self.to_chrome = map(high, os.pipe())
        self.from_chrome, from_chrome_w = map(high, os.pipe())

        def wire():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
             "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4, to_chrome_r, from_chrome_w), preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, timeout=20):
        deadline = time.time() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    name, url, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    options = sys.argv[5:]
    mobile = "--mobile" in options
    dump = options[options.index("--dump") + 1] if "--dump" in options[:-1] else None
    browser = Browser()
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, session)
        if "--no-script" in options:
            browser.call("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        browser.call("Page.enable", {}, session)
        browser.call("Page.navigate", {"url": url}, session)
        browser.wait_event("Page.loadEventFired")
        time.sleep(0.3)
        probe = """(() => {
            const doc = document.documentElement;
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('.matrix-wrap')) continue;
                const r = el.getBoundingClientRect();
                if (r.right > doc.clientWidth + 1 && wide.length < 5)
                    wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.right));
            }
            return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, title: document.title, wide: wide,
                    matrixScrolls: [...document.querySelectorAll('.matrix-wrap')].some(w => w.scrollWidth > w.clientWidth)};
        })()"""
        result = browser.call("Runtime.evaluate", {"expression": probe, "returnByValue": True}, session)
        value = result["result"]["value"]
        if dump:
            dom = browser.call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML",
                                                    "returnByValue": True}, session)
            with open(dump, "w", encoding="utf-8") as f:
                f.write(dom["result"]["value"])
    finally:
        browser.close()
    problems = []
    if value["scrollWidth"] > value["clientWidth"]:
        problems.append(f"scrolls sideways: {value['scrollWidth']} px wide in a {value['clientWidth']} px viewport "
                        f"({', '.join(value['wide'])})")
    if value["title"].startswith("PWNED") or not value["title"].endswith("· Parallax"):
        problems.append(f"title changed by a script: {value['title']!r}")
    if problems:
        print(f"FAIL {name}: " + "; ".join(problems))
        sys.exit(1)
    print(f"ok   {name}: {value['clientWidth']} px, no sideways scroll"
          + (" (the matrix scrolls in its box)" if value["matrixScrolls"] else ""))


if __name__ == "__main__":
    main()
