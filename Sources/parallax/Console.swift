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
        FileHandle.standardError.write(Data("\(prefix)parallax: \(Self.visible(message))\n".utf8))
    }

    func warn(_ message: String) {
        let prefix = isTerminal ? "\r\u{1B}[2K" : ""
        FileHandle.standardError.write(Data("\(prefix)parallax: warning: \(Self.visible(message))\n".utf8))
    }

    /// The inputs named in a message: the first three, then how many more; `-` is standard input.
    static func inputList(_ paths: [String]) -> String {
        let names = paths.map { $0 == "-" ? "standard input" : $0 }
        let shown = names.prefix(3).joined(separator: ", ")
        return visible(names.count > 3 ? shown + " and \(names.count - 3) more" : shown)
    }

    /// `message` with control characters shown as `\u{..}` escapes: messages quote input (record ids, headers,
    /// file names), and an escape sequence from an input must never reach the terminal.
    static func visible(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        var out = ""
        for scalar in message.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
