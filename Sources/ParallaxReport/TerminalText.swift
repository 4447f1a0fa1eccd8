import ParallaxCore

/// Measuring, cleaning, truncating and wrapping text for a fixed-width terminal.
///
/// Widths are in terminal columns: combining marks and format characters take none, East Asian wide characters
/// and emoji take two. Article text is untrusted, so `clean` removes control characters (an ANSI escape sequence in
/// an article must never reach the terminal).
enum TerminalText {
    /// `s` on one line: control characters (C0, DEL, C1) and line breaks become spaces, runs of spaces collapse.
    static func clean(_ s: some StringProtocol) -> String {
        // UTF-8 bytes out: appending to a scalar view one scalar at a time is several times slower.
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var lastWasSpace = true
        for u in s.unicodeScalars {
            let v = u.value
            let isSpace =
                v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x20 || v == 0x2028
                || v == 0x2029 || v == 0xA0
            if isSpace {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            } else {
                out.appendUTF8(u)
                lastWasSpace = false
            }
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Columns one scalar takes.
    static func width(of u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x80 { return 1 }  // no ASCII scalar is a mark, a format character or wide
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Columns `s` takes.
    static func width(_ s: some StringProtocol) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// `s` cut to at most `columns` columns, ending with `…` when cut.
    static func truncate(_ s: String, to columns: Int) -> String {
        guard width(s) > columns else { return s }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var out = String.UnicodeScalarView()
        var used = 0
        for u in s.unicodeScalars {
            let w = width(of: u)
            if used + w > columns - 1 { break }
            out.append(u)
            used += w
        }
        var result = String(out)
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    /// `s` padded with spaces (after it) to `columns` columns; cut first when longer.
    static func pad(_ s: String, to columns: Int) -> String {
        let t = truncate(s, to: columns)
        return t + String(repeating: " ", count: max(0, columns - width(t)))
    }

    /// `s` padded with spaces before it to `columns` columns.
    static func padLeft(_ s: String, to columns: Int) -> String {
        String(repeating: " ", count: max(0, columns - width(s))) + s
    }

    /// Word-wraps `s` into lines of at most `columns` columns (`firstColumns` for the first line, when given); a
    /// word longer than a line is split. `visibleWidth` measures a word (so words carrying ANSI codes can be
    /// measured without them).
    static func wrap(
        _ s: String, columns: Int, firstColumns: Int? = nil, visibleWidth: (Substring) -> Int = { width($0) }
    ) -> [String] {
        let rest = max(columns, 8)
        let first = max(firstColumns ?? columns, 8)
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = visibleWidth(word)
            var word = Substring(word)
            var columns = lines.isEmpty ? first : rest
            if used > 0, used + 1 + w > columns {
                lines.append(line)
                line = ""
                used = 0
                columns = rest
            }
            while w > columns, used == 0, !word.isEmpty {
                // Split a word too long for any line (a URL); only plain words get here in practice. The rest's
                // width is the word's less the head's (measuring the rest again per line is quadratic).
                let head = truncateRaw(word, to: columns)
                lines.append(String(head))
                word = word[head.endIndex...]
                w -= visibleWidth(head)
                columns = rest
            }
            if used > 0 {
                line += " "
                used += 1
            }
            line += word
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func truncateRaw(_ s: Substring, to columns: Int) -> Substring {
        var used = 0
        var end = s.startIndex
        for i in s.unicodeScalars.indices {
            let w = width(of: s.unicodeScalars[i])
            if used + w > columns { break }
            used += w
            end = s.unicodeScalars.index(after: i)
        }
        return end == s.startIndex ? s.prefix(1) : s[..<end]
    }
}
