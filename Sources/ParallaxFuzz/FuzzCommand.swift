import ArgumentParser
import Foundation

/// `parallax-fuzz`: mutates real and generated inputs of every format and runs each through the `parallax` binary,
/// for a bounded time; every failing case is kept, with the command that reproduces it.
@main
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax-fuzz",
        abstract: "Fuzz the parallax command line with mutated inputs of every format.",
        discussion: """
            Case i of seed s is the same input on every machine: `parallax-fuzz --seed s --case i` runs it again \
            and keeps it. Failures (traps, hangs, memory, raw controls on the terminal, errors that do not name \
            the input, reports that do not parse or let article text become markup) are written to --out with \
            failures.tsv; the exit status is 1 when there is one.
            """)

    @Option(help: "The parallax binary (default: the one beside this program).")
    var binary: String?

    @Option(help: "Seed inputs: files or directories (default: examples/ and, when present, ../shared/corpus/seeds and ../shared/fuzz-repro).")
    var corpus: [String] = []

    @Option(help: "Stop after this many seconds.")
    var seconds: Double = 60

    @Option(help: "Stop after this many cases (default: no limit).")
    var cases: Int?

    @Option(name: .customLong("case"), help: "Run only this case (to reproduce a failure).")
    var onlyCase: Int?

    @Option(help: "The seed of the case sequence.")
    var seed: UInt64 = 1

    @Option(help: "Cases run at once (each runs parallax with one thread).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Largest case in bytes.")
    var maxBytes: Int = 256 * 1024

    @Option(help: "Seconds a case may run (a debug build is several times slower than a release build).")
    var timeout: Double = 60

    @Option(help: "Resident memory a case may use, in MiB.")
    var memory: Int = 1024

    @Option(help: "Where failing cases and failures.tsv are written.")
    var out: String = ".build/fuzz"

    @Flag(help: "Fuzz `parallax serve` over HTTP instead of the command line (one server; requests one at a time).")
    var server = false

    func validate() throws {
        guard jobs >= 1, maxBytes >= 16, seconds > 0, timeout > 0, memory > 0 else {
            throw ValidationError("--jobs, --max-bytes, --seconds, --timeout and --memory must be positive.")
        }
    }

    func run() throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let binary = self.binary ?? (here as NSString).appendingPathComponent("parallax")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError("no parallax binary at \(binary) (build it, or give --binary)")
        }
        let paths = corpus.isEmpty ? ["examples", "../shared/corpus/seeds", "../shared/fuzz-repro"] : corpus
        let loaded = FuzzSeed.load(paths, maxBytes: maxBytes)
        let seeds = loaded + FuzzSeed.wrapped(loaded)
        guard !seeds.isEmpty else { throw ValidationError("no seed input found in \(paths.joined(separator: ", "))") }
        let mutator = FuzzMutator(seeds: seeds, maxBytes: maxBytes)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        log("parallax-fuzz: seed \(seed), \(seeds.count) seed inputs, \(jobs) jobs, \(Int(seconds)) s, cases up to \(maxBytes) bytes")

        if server { return try runServer(mutator: mutator, binary: binary, paths: paths) }
        let state = FuzzState()
        let deadline = Date().addingTimeInterval(seconds)
        let first = onlyCase ?? 0
        let last = onlyCase.map { $0 + 1 } ?? cases ?? Int.max
        DispatchQueue.concurrentPerform(iterations: onlyCase == nil ? jobs : 1) { worker in
            let runner = FuzzRunner(
                binary: binary, workDirectory: (out as NSString).appendingPathComponent("work-\(worker)"),
                timeout: timeout, memoryLimitBytes: memory << 20)
            while Date() < deadline || onlyCase != nil, let index = state.next(from: first, below: last) {
                let fuzzCase = mutator.makeCase(seed: seed, index: index)
                let command = FuzzRunner.commands[index % FuzzRunner.commands.count]
                let verdict = runner.run(fuzzCase, command: command)
                state.record(fuzzCase, command: command, verdict: verdict, seed: seed, out: out, log: log)
                if onlyCase != nil { break }
            }
        }
        let summary = state.summary()
        log("parallax-fuzz: \(summary.cases) cases in \(String(format: "%.0f", seconds - max(0, deadline.timeIntervalSinceNow))) s, "
            + "slowest \(String(format: "%.1f", summary.slowest)) s, largest RSS \(summary.peak >> 20) MiB, "
            + (summary.failures.isEmpty ? "no failure" : "failures: " + summary.failures.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
                + " (see \(out)/failures.tsv)"))
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }

    /// The HTTP family: one server over the seed inputs, then requests until the time or case limit; a server that
    /// died is started again (and the case that killed it kept).
    private func runServer(mutator: FuzzMutator, binary: String, paths: [String]) throws {
        let fuzz = ServerFuzz(
            binary: binary, workDirectory: (out as NSString).appendingPathComponent("server"), timeout: timeout,
            memoryLimitBytes: memory << 20)
        // The server's corpus: the example articles and the seed story (the fuzz-repro inputs stay uploads).
        let seedFiles = (corpus.isEmpty ? ["examples/corpus", "../shared/corpus/seeds"] : corpus)
            .filter { FileManager.default.fileExists(atPath: $0) }
        var session = try fuzz.start(seeds: seedFiles)
        log("parallax-fuzz: server on port \(session.port), \(session.stories.count) stories")
        let state = FuzzState()
        let deadline = Date().addingTimeInterval(seconds)
        var index = onlyCase ?? 0
        let last = onlyCase.map { $0 + 1 } ?? cases ?? Int.max
        var statuses: [String: Int] = [:]
        while index < last, Date() < deadline || onlyCase != nil {
            let request = fuzz.makeRequest(seed: seed, index: index, session: session, mutator: mutator)
            let started = Date()
            var status = 0
            let verdict = fuzz.judge(request, session: session, status: &status)
            statuses[status == 0 ? "none" : "\(status / 100)xx", default: 0] += 1
            state.recordRequest(
                index: index, request: request, failure: verdict, seconds: Date().timeIntervalSince(started), seed: seed,
                out: out, log: log)
            if !session.process.isRunning { session = try fuzz.start(seeds: seedFiles) }
            if request.summary.hasPrefix("upload"), index % 5 == 0 { fuzz.refreshIDs(session) }
            index += 1
        }
        session.process.terminate()
        session.process.waitUntilExit()
        let summary = state.summary()
        log("parallax-fuzz: \(summary.cases) requests (answers \(statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), slowest \(String(format: "%.1f", summary.slowest)) s, "
            + (summary.failures.isEmpty ? "no failure" : "failures: " + summary.failures.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
                + " (see \(out)/failures.tsv)"))
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// What the workers share: the next case index and the tallies (behind a lock).
final class FuzzState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex: Int?
    private var cases = 0
    private var failures: [String: Int] = [:]
    private var slowest = 0.0
    private var peak = 0

    func next(from first: Int, below last: Int) -> Int? {
        lock.withLock {
            let index = nextIndex ?? first
            guard index < last else { return nil }
            nextIndex = index + 1
            return index
        }
    }

    func record(_ fuzzCase: FuzzMutator.Case, command: FuzzRunner.Command, verdict: FuzzRunner.Verdict, seed: UInt64,
        out: String, log: (String) -> Void)
    {
        record(
            name: fuzzCase.fileName, bytes: fuzzCase.bytes, failure: verdict.failure, detail: verdict.detail,
            seconds: verdict.seconds, peak: verdict.peakBytes, command: command.arguments.joined(separator: " "),
            families: fuzzCase.families.joined(separator: "+"), origin: fuzzCase.origin,
            reproduce: "parallax-fuzz --seed \(seed) --case \(fuzzCase.index)", out: out, log: log)
    }

    /// Counts a case; a failing one is kept under `out` (`<failure>-<name>`) with a row in failures.tsv.
    private func record(
        name caseName: String, bytes: [UInt8], failure: String?, detail: String, seconds: Double, peak casePeak: Int,
        command: String, families: String, origin: String, reproduce: String, out: String, log: (String) -> Void
    ) {
        lock.withLock {
            cases += 1
            slowest = max(slowest, seconds)
            peak = max(peak, casePeak)
            if cases % 100 == 0 { log("parallax-fuzz: \(cases) cases") }
            guard let failure else { return }
            failures[failure, default: 0] += 1
            let name = "\(failure)-\(caseName)"
            _ = FileManager.default.createFile(atPath: (out as NSString).appendingPathComponent(name), contents: Data(bytes))
            let row = [failure, name, command, families, origin, detail, reproduce]
                .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: "\t")
            let tsv = (out as NSString).appendingPathComponent("failures.tsv")
            if !FileManager.default.fileExists(atPath: tsv) {
                _ = FileManager.default.createFile(atPath: tsv, contents: Data("failure\tfile\tcommand\tfamilies\tseed input\tdetail\treproduce\n".utf8))
            }
            if let handle = FileHandle(forWritingAtPath: tsv) {
                handle.seekToEndOfFile()
                handle.write(Data((row + "\n").utf8))
                try? handle.close()
            }
            log("parallax-fuzz: \(caseName) \(failure) (\(command.prefix(40)), \(families.prefix(120))): \(detail)")
        }
    }

    /// Records request `index` of the HTTP family (its bytes kept when it failed).
    func recordRequest(
        index: Int, request: ServerFuzz.Request, failure: (failure: String, detail: String)?, seconds: Double,
        seed: UInt64, out: String, log: (String) -> Void
    ) {
        let fileName = "request-\(index).http"
        let detail = failure.map { $0.detail } ?? ""
        record(name: fileName, bytes: request.bytes, failure: failure?.failure, detail: detail, seconds: seconds,
            peak: 0, command: "serve", families: request.summary, origin: "http",
            reproduce: "parallax-fuzz --server --seed \(seed) --case \(index)", out: out, log: log)
    }

    func summary() -> (cases: Int, failures: [String: Int], slowest: Double, peak: Int) {
        lock.withLock { (cases, failures, slowest, peak) }
    }
}
