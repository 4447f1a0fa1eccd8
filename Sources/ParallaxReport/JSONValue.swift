/// A JSON value with a deterministic writer: keys sorted, explicit `null`s, pretty or compact.
///
/// The renderers build this small tree instead of going through `JSONEncoder` so that absent optionals come out
/// as `null` (the contract in `docs/JSON.md` keeps every field) and output is byte-identical across platforms.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    /// Members in any order; the writer sorts them by key (UTF-8 byte order).
    case object([String: JSONValue])

    /// `.string(s)` or `.null`.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// An array of strings.
    public static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

    /// Writes the value. `indent` nil writes one compact line; otherwise nested levels are indented by `indent`
    /// spaces per level, starting at `level` (for a value nested in output written elsewhere).
    public func write<Out: TextOutputStream>(to out: inout Out, indent: Int? = nil, level: Int = 0) {
        switch self {
        case .null: out.write("null")
        case .bool(let b): out.write(b ? "true" : "false")
        case .int(let i): out.write(String(i))
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            JSONValue.writeArray(count: items.count, indent: indent, level: level, to: &out) { k, out in
                items[k].write(to: &out, indent: indent, level: level + 1)
            }
        case .object(let members):
            JSONValue.writeObject(Array(members), indent: indent, level: level, to: &out) { value, out in
                value.write(to: &out, indent: indent, level: level + 1)
            }
        }
    }

    /// The layout of every array: `[`, the `count` items (each written by `item` at `level + 1`, one per line when
    /// indented), `]`.
    static func writeArray<Out: TextOutputStream>(
        count: Int, indent: Int?, level: Int, to out: inout Out, item: (Int, inout Out) -> Void
    ) {
        guard count > 0 else { return out.write("[]") }
        out.write("[")
        for k in 0..<count {
            if k > 0 { out.write(",") }
            newline(indent, level + 1, &out)
            item(k, &out)
        }
        newline(indent, level, &out)
        out.write("]")
    }

    /// The layout of every object: `{`, the members in key order (UTF-8 bytes), each value written by `value` at
    /// `level + 1`, `}`.
    static func writeObject<Out: TextOutputStream, Value>(
        _ members: [(key: String, value: Value)], indent: Int?, level: Int, to out: inout Out,
        value: (Value, inout Out) -> Void
    ) {
        guard !members.isEmpty else { return out.write("{}") }
        out.write("{")
        for (i, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if i > 0 { out.write(",") }
            newline(indent, level + 1, &out)
            writeString(member.key, to: &out)
            out.write(indent == nil ? ":" : ": ")
            value(member.value, &out)
        }
        newline(indent, level, &out)
        out.write("}")
    }

    /// The value as one compact line.
    public var compact: String {
        var out = ""
        write(to: &out)
        return out
    }

    static func newline(_ indent: Int?, _ level: Int, _ out: inout some TextOutputStream) {
        guard let indent else { return }
        if indent == 2, level < newlines.count { return out.write(newlines[level]) }
        out.write("\n" + String(repeating: " ", count: indent * level))
    }

    /// A line break and the indentation of each level at two spaces per level, made once.
    private static let newlines: [String] = (0..<24).map { "\n" + String(repeating: " ", count: 2 * $0) }

    /// Writes `s` as a JSON string literal: quotes, backslashes and control characters (C0, DEL and C1, which a
    /// terminal would obey) escaped, the rest as is. O(n) over the UTF-8 bytes; unescaped runs are copied in one
    /// piece.
    static func writeString(_ s: String, to out: inout some TextOutputStream) {
        out.write("\"")
        let bytes = s.utf8
        var runStart = bytes.startIndex
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 || b == 0x7F {
                if runStart != i { out.write(String(s[runStart..<i])) }
                out.write(escape(b))
                runStart = bytes.index(after: i)
            } else if b == 0xC2, let next = bytes.index(i, offsetBy: 1, limitedBy: bytes.endIndex), next != bytes.endIndex,
                (0x80...0x9F).contains(bytes[next])
            {
                // A C1 control (U+0080...U+009F): its code point is the second byte.
                if runStart != i { out.write(String(s[runStart..<i])) }
                out.write(escape(bytes[next]))
                i = next
                runStart = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if runStart != bytes.endIndex { out.write(String(s[runStart...])) }
        out.write("\"")
    }

    private static func escape(_ b: UInt8) -> String {
        switch b {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default:
            let hex = Array("0123456789abcdef")
            return "\\u00" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0xF)])
        }
    }
}
