import Foundation

/// Progress and warnings on standard error, so standard output carries only the report.
///
/// Progress lines show only when standard error is a terminal (and not `--quiet`); transient ones overwrite each
/// other. Warnings (skipped inputs) always show.
struct Console: Sendable {
    let quiet: Bool
    let isTerminal = isatty(STDERR_FILENO) != 0

    func progress(_ message: String, transient: Bool = false) {
        guard !quiet, isTerminal else { return }
        let line = transient ? "\r\u{1B}[2Kparallax: \(message)" : "\r\u{1B}[2Kparallax: \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// A message for the reader of standard error (not progress): shown unless `--quiet`, terminal or not.
    func note(_ message: String) {
        guard !quiet else { return }
        let prefix = isTerminal ? "\r\u{1B}[2K" : ""
        FileHandle.standardError.write(Data("\(prefix)parallax: \(message)\n".utf8))
    }

    func warn(_ message: String) {
        let prefix = isTerminal ? "\r\u{1B}[2K" : ""
        FileHandle.standardError.write(Data("\(prefix)parallax: warning: \(message)\n".utf8))
    }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
