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
        lock.withLock {
            cases += 1
            slowest = max(slowest, verdict.seconds)
            peak = max(peak, verdict.peakBytes)
            if cases % 100 == 0 { log("parallax-fuzz: \(cases) cases") }
            guard let failure = verdict.failure else { return }
            failures[failure, default: 0] += 1
            let name = "\(failure)-\(fuzzCase.fileName)"
            _ = FileManager.default.createFile(atPath: (out as NSString).appendingPathComponent(name), contents: Data(fuzzCase.bytes))
            let row = [failure, name, command.arguments.joined(separator: " "), fuzzCase.families.joined(separator: "+"),
                fuzzCase.origin, verdict.detail, "parallax-fuzz --seed \(seed) --case \(fuzzCase.index)"]
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
            log("parallax-fuzz: case \(fuzzCase.index) \(failure) (\(command.arguments.first ?? ""), \(fuzzCase.families.joined(separator: "+"))): \(verdict.detail)")
        }
    }

    func summary() -> (cases: Int, failures: [String: Int], slowest: Double, peak: Int) {
        lock.withLock { (cases, failures, slowest, peak) }
    }
}
