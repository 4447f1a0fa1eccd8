import Foundation

/// Runs one fuzz case through the real `parallax` binary (the production path: the same reader, pipeline and
/// renderers a user runs) and judges the result. A case fails when the process dies on a signal (a trap), exits
/// with a status other than 0 or 1, runs past the time limit, grows past the memory limit, writes a raw control
/// or escape sequence to the terminal, fails without naming its input, writes JSON that does not parse (or holds
/// raw C1 controls), or writes an HTML report in which article text became markup.
struct FuzzRunner: Sendable {
    let binary: String
    let workDirectory: String
    let timeout: TimeInterval
    let memoryLimitBytes: Int

    /// A command line of the CLI, chosen per case.
    struct Command: Sendable {
        var arguments: [String]
        var output: Output
        enum Output: Sendable { case json, ndjson, html, text }
    }

    /// The commands a case runs under (`DB` stands for a fresh database of the case).
    static let commands: [Command] = [
        Command(arguments: ["analyze", "--quiet", "--jobs", "1", "--format", "json"], output: .json),
        Command(arguments: ["analyze", "--quiet", "--jobs", "1", "--format", "json"], output: .json),
        Command(arguments: ["analyze", "--quiet", "--jobs", "1", "--format", "html"], output: .html),
        Command(arguments: ["analyze", "--quiet", "--jobs", "1", "--format", "text"], output: .text),
        Command(arguments: ["analyze", "--quiet", "--jobs", "1", "--format", "ndjson"], output: .ndjson),
        Command(arguments: ["extract", "--jobs", "1", "--format", "ndjson"], output: .ndjson),
        Command(arguments: ["ingest", "--quiet", "--jobs", "1", "--format", "json", "--db", "DB"], output: .json),
    ]

    struct Verdict: Sendable {
        /// `nil` when the case passed; else the kind of failure (`crash`, `hang`, `memory`, ...).
        var failure: String?
        var detail: String
        var seconds: Double
        var peakBytes: Int
    }

    func run(_ fuzzCase: FuzzMutator.Case, command: Command) -> Verdict {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let input = (workDirectory as NSString).appendingPathComponent(fuzzCase.fileName)
        let stdoutPath = (workDirectory as NSString).appendingPathComponent("stdout")
        let stderrPath = (workDirectory as NSString).appendingPathComponent("stderr")
        let database = (workDirectory as NSString).appendingPathComponent("corpus.sqlite")
        for path in [stdoutPath, stderrPath, database, database + "-wal", database + "-shm"] { try? fm.removeItem(atPath: path) }
        guard fm.createFile(atPath: input, contents: Data(fuzzCase.bytes)),
            fm.createFile(atPath: stdoutPath, contents: nil), fm.createFile(atPath: stderrPath, contents: nil),
            let out = FileHandle(forWritingAtPath: stdoutPath), let err = FileHandle(forWritingAtPath: stderrPath)
        else { return Verdict(failure: "harness", detail: "cannot write in \(workDirectory)", seconds: 0, peakBytes: 0) }
        defer { try? out.close(); try? err.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = command.arguments.map { $0 == "DB" ? database : $0 } + [input]
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        do { try process.run() } catch {
            return Verdict(failure: "harness", detail: "cannot start \(binary): \(error)", seconds: 0, peakBytes: 0)
        }
        var peak = 0
        var killedFor: String?
        while process.isRunning {
            usleep(20_000)
            peak = max(peak, Self.residentBytes(of: process.processIdentifier))
            if Date().timeIntervalSince(started) > timeout {
                killedFor = "hang"
            } else if peak > memoryLimitBytes {
                killedFor = "memory"
            }
            if killedFor != nil {
                kill(process.processIdentifier, SIGKILL)
                break
            }
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        func verdict(_ failure: String?, _ detail: String) -> Verdict {
            Verdict(failure: failure, detail: detail, seconds: seconds, peakBytes: peak)
        }
        if let killedFor {
            return verdict(killedFor, killedFor == "hang"
                ? "still running after \(Int(timeout)) s" : "resident memory above \(memoryLimitBytes >> 20) MiB")
        }
        if process.terminationReason == .uncaughtSignal {
            return verdict("crash", "killed by signal \(process.terminationStatus)")
        }
        let status = process.terminationStatus
        let stderr = (try? Data(contentsOf: URL(fileURLWithPath: stderrPath))) ?? Data()
        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: stdoutPath))) ?? Data()
        guard status == 0 || status == 1 else { return verdict("exit", "exit status \(status)") }
        if let control = Self.rawControl(in: stderr) { return verdict("terminal", "raw \(control) on standard error") }
        if status == 1, !String(decoding: stderr, as: UTF8.self).contains(fuzzCase.fileName) {
            return verdict("unnamed", "failed without naming the input: \(Self.excerpt(stderr))")
        }
        guard status == 0 else { return verdict(nil, "") }
        let problem = Self.judge(stdout, command.output)
        return verdict(problem, problem.map { "report: " + $0 } ?? "")
    }

    /// What is wrong with a report in this format, or `nil`.
    static func judge(_ stdout: Data, _ output: Command.Output) -> String? {
        switch output {
        case .json:
            if (try? JSONSerialization.jsonObject(with: stdout, options: [.fragmentsAllowed])) == nil { return "json" }
            return hasC1(stdout) ? "json-c1" : nil
        case .ndjson:
            for line in stdout.split(separator: 0x0A) where !line.isEmpty {
                if (try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])) == nil { return "ndjson" }
            }
            return hasC1(stdout) ? "json-c1" : nil
        case .html:
            return HTMLInjection.find(in: String(decoding: stdout, as: UTF8.self), marker: FuzzMutator.marker)
                .map { "html-injection: " + $0 }
        case .text:
            return rawControl(in: stdout).map { _ in "text-control" }
        }
    }

    /// A raw terminal control in `data`: ESC, another C0 control but tab and line ends, or a C1 control.
    static func rawControl(in data: Data) -> String? {
        if data.contains(0x1B) { return "ESC" }
        if data.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return "C0 control" }
        return hasC1(data) ? "C1 control" : nil
    }

    /// Whether `data` holds a C1 control (U+0080...U+009F, UTF-8 C2 80...C2 9F).
    static func hasC1(_ data: Data) -> Bool {
        var previous: UInt8 = 0
        for byte in data {
            if previous == 0xC2, (0x80...0x9F).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    static func excerpt(_ data: Data) -> String {
        String(decoding: data.prefix(200), as: UTF8.self).unicodeScalars
            .map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : String($0) }.joined()
    }

    /// The resident set size of a process (Linux `/proc`), 0 when unknown.
    static func residentBytes(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return kb * 1024
        }
        return 0
    }
}
