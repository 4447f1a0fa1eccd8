import Foundation
import Testing

/// Compares rendered output with a golden file in `Golden/`; `RECORD_SNAPSHOTS=1 swift test` re-records them.
enum Snapshot {
    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let url = dir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(name): run RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record(
                Comment(
                    rawValue: "\(name) differs from golden at line \(line + 1):\n  golden: "
                        + (line < e.count ? String(e[line]) : "<end>") + "\n  actual: "
                        + (line < a.count ? String(a[line]) : "<end>") + "\n(re-record with RECORD_SNAPSHOTS=1)"),
                sourceLocation: sourceLocation)
        }
    }
}
