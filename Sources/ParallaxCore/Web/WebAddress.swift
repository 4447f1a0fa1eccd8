/// The one parser of web addresses: hosts for outlet lookup and display, and the canonical form of an article URL.
///
/// Works on any string (a URL, a bare host, a domain written as a name such as `Euromaidanpress.com`); it never
/// fails and never traps. Foundation's `URL` is not used: it refuses many real-world addresses (spaces,
/// non-ASCII paths) that news pages carry.
public enum WebAddress {
    /// The lowercase host of a URL, bare host or domain-like name, without user info, port, `www.` and a trailing
    /// dot: `"https://WWW.Example.com:8080/a"` -> `"example.com"`. Empty when there is none.
    public static func host(of text: some StringProtocol) -> String {
        // A bare lowercase host ("tass.com"), as registry files write them, is its own host: skip the parse.
        if let first = text.first, let last = text.last, first != ".", last != ".", !text.hasPrefix("www."),
            text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D })
        {
            return String(text)
        }
        var s = Substring(String(text).trimmingBlanks().lowercased())
        if let scheme = s.range(of: "://") { s = s[scheme.upperBound...] }
        if let end = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { s = s[..<end] }
        if let at = s.lastIndex(of: "@") { s = s[s.index(after: at)...] }
        if let colon = s.firstIndex(of: ":") { s = s[..<colon] }
        while s.hasSuffix(".") { s.removeLast() }
        if s.hasPrefix("www.") { s.removeFirst(4) }
        return String(s)
    }

    /// The canonical form of an absolute `http(s)` URL, or `nil` when `url` is not one.
    ///
    /// Scheme and host are lowercased, `www.`, a default port, user info and the fragment are dropped, tracking
    /// parameters (``trackingParameters``, and any starting with `utm_`) are removed and the remaining query
    /// parameters sorted, a trailing `/` of a non-empty path is dropped, and `http` and `https` are the same
    /// (written `https`). Two addresses of one page written differently give one canonical URL.
    public static func canonical(_ url: some StringProtocol) -> String? {
        let s = String(url).trimmingBlanks()
        guard let schemeEnd = s.range(of: "://") else { return nil }
        let scheme = s[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = s[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let host = Self.host(of: rest[..<authorityEnd])
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        var path = rest[authorityEnd...]
        var query: Substring = ""
        if let q = path.firstIndex(of: "?") {
            query = path[path.index(after: q)...]
            path = path[..<q]
        }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if path == "/" { path = "" }
        let parameters = query.split(separator: "&").filter { parameter in
            let name = parameter.prefix { $0 != "=" }.lowercased()
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }.sorted()
        var out = "https://" + host + path
        if !parameters.isEmpty { out += "?" + parameters.joined(separator: "&") }
        return out
    }

    /// The full dates written in the path of `url`, in order: `/2024/05/31/`, `/2024-05-31-slug`, `/2024_5_31`,
    /// `/20240531/`. Only years 1990-2100; the caller judges plausibility (not in the future, not before a site
    /// could exist). The one URL-date reader of every format. O(n) in the length of the URL.
    public static func days(inURL url: some StringProtocol) -> [Day] {
        var path = Substring(String(url))
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            guard let slash = path.firstIndex(of: "/") else { return [] }
            path = path[slash...]
        }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let bytes = Array(path.utf8)
        // Runs of ASCII digits: (start, end) byte offsets.
        var runs: [(start: Int, end: Int)] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i].isDigit else {
                i += 1
                continue
            }
            let start = i
            while i < bytes.count, bytes[i].isDigit { i += 1 }
            runs.append((start, i))
        }
        func value(_ r: (start: Int, end: Int)) -> Int {
            bytes[r.start..<r.end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        var days: [Day] = []
        for (k, run) in runs.enumerated() {
            let length = run.end - run.start
            if length == 8, let d = Day(year: value(run) / 10000, month: value(run) / 100 % 100, day: value(run) % 100),
                (1990...2100).contains(d.year)
            {
                days.append(d)
                continue
            }
            // YEAR sep MONTH sep DAY: one separator byte each, month and day of one or two digits.
            guard length == 4, k + 2 < runs.count else { continue }
            let (month, day) = (runs[k + 1], runs[k + 2])
            guard month.start == run.end + 1, "/-_.".utf8.contains(bytes[run.end]), (1...2).contains(month.end - month.start),
                day.start == month.end + 1, !bytes[month.end].isLetter, (1...2).contains(day.end - day.start),
                let d = Day(year: value(run), month: value(month), day: value(day)), (1990...2100).contains(d.year)
            else { continue }
            days.append(d)
        }
        return days
    }

    /// Query parameters that track a visit and never change the page (`utm_*` too).
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid", "ref",
        "ref_src", "ref_url", "smid", "smtyp", "sr_share", "share", "taid", "ito", "cid", "icid", "ncid", "_ga",
        "_gl", "mkt_tok", "spm", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3",
        "at_custom4",
    ]
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    fileprivate var isLetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}

extension String {
    /// Without leading and trailing blanks and line breaks (ASCII only; cheap, no Foundation).
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
