import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: Chromium reads
/// commands on file descriptor 3 and writes answers and events on 4, each a JSON message ending in NUL).
/// One browser per use; `close()` ends it (also when a check failed).
final class DevToolsBrowser {
    private let process: ChildProcess
    private let toChrome: Int32
    private let fromChrome: Int32
    private var nextID = 0
    private var buffer: [UInt8] = []
    private var events: [[String: Any]] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts Chromium with its own profile directory under `profile`.
    init(profile: URL) throws {
        let commands = try SpawnPipe.make()
        let answers = try SpawnPipe.make()
        do {
            process = try ChildProcess.spawn(
                "chromium",
                Chromium.flags + ["--user-data-dir=\(profile.path)", "--remote-debugging-pipe", "about:blank"],
                placing: [(commands.read, 3), (answers.write, 4)])
        } catch {
            for end in [commands.read, commands.write, answers.read, answers.write] { Glibc.close(end) }
            throw error
        }
        Glibc.close(commands.read)
        Glibc.close(answers.write)
        toChrome = commands.write
        fromChrome = answers.read
    }

    /// Sends `method` and returns its result; events that arrive first are kept for `waitEvent`.
    @discardableResult
    func call(
        _ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 20
    ) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        try send(bytes)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try readMessage(until: deadline)
            guard reply["id"] as? Int == nextID else {
                events.append(reply)
                continue
            }
            if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Waits for the event `method` (one that already arrived counts).
    func waitEvent(_ method: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let index = events.firstIndex(where: { $0["method"] as? String == method }) {
                events.remove(at: index)
                return
            }
            events.append(try readMessage(until: deadline))
        }
    }

    /// Opens a page target and returns the session that drives it.
    func newPage() throws -> String {
        let target = try call("Target.createTarget", ["url": "about:blank"])["targetId"] as? String ?? ""
        let attached = try call("Target.attachToTarget", ["targetId": target, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session") }
        return session
    }

    /// Opens `url` in a new page of `width` x `height` CSS pixels (a phone's viewport when `mobile`), with its
    /// scripts off when `scriptsOff`, waits for its load event and a moment after it, and returns the page's session.
    func open(_ url: String, width: Int, height: Int, mobile: Bool, scriptsOff: Bool = false) throws -> String {
        let session = try newPage()
        try call(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile], session: session)
        if scriptsOff { try call("Emulation.setScriptExecutionDisabled", ["value": true], session: session) }
        try call("Page.enable", session: session)
        try call("Page.navigate", ["url": url], session: session)
        try waitEvent("Page.loadEventFired")
        usleep(300_000)
        return session
    }

    /// Evaluates `expression` in the page and returns its value (JSON-serializable values only).
    func evaluate(_ expression: String, session: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session)
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Asks Chromium to close, and kills it when it does not.
    func close() {
        _ = try? call("Browser.close", timeout: 5)
        _ = process.wait(timeout: 5)
        Glibc.close(toChrome)
        Glibc.close(fromChrome)
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(toChrome, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "chromium closed its command pipe") }
            offset += written
        }
    }

    private func readMessage(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: message) as? [String: Any] else {
                    throw Failure(description: "a message from chromium is not a JSON object")
                }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "no answer from chromium") }
            var ready = pollfd(fd: fromChrome, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(min(left, 1) * 1000) + 1) >= 0 else { continue }
            guard ready.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(fromChrome, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "chromium closed the pipe") }
            buffer += chunk[..<count]
        }
    }
}

/// How Chromium is started everywhere in the browser test.
enum Chromium {
    static let flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
    ]

    /// Whether `chromium` is on `PATH`.
    static let installed: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") }
    }()
}
