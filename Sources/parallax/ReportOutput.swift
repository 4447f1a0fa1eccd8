import Foundation

/// Where a report goes: standard output, or a file written through a temporary file beside it and renamed into
/// place when complete, so a failed run never leaves a half-written report. Buffered: the report is written as it
/// is rendered and never held whole in memory.
final class ReportOutput: TextOutputStream {
    private let handle: FileHandle
    private let temporary: URL?
    private let destination: URL?
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    /// An output to `path` (`nil` or `-`: standard output). Fails at once when the file cannot be created.
    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = .standardOutput
            temporary = nil
            destination = nil
            return
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).parallax-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw ReportOutputError(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        self.temporary = temporary
        self.destination = destination
        buffer.reserveCapacity(Self.capacity)
    }

    func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.capacity { flush() }
    }

    /// Writes what is buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves the finished report into place.
    func close() throws {
        flush()
        guard let temporary, let destination else { return }
        try handle.close()
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ReportOutputError(path: destination.path, reason: reason)
        }
    }

    /// Removes the temporary file of an unfinished report.
    func discard() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}

/// A report file that cannot be written.
struct ReportOutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "cannot write \(path): \(reason)" }
}
