/// Undoes HTTP/1.1 `Transfer-Encoding: chunked` (RFC 9112 section 7.1): hex size lines, chunk data, trailers.
struct HTTPChunkedDecoder: Sendable {
    /// The most decoded bytes accepted.
    var maxBytes: Int

    /// Decodes `body`. Returns `nil` when `body` does not start with a chunk-size line (the body was stored already
    /// de-chunked); throws when chunking starts but is broken. A body cut off inside the last chunk returns what
    /// was received (crawls often truncate). O(n).
    func decode(_ body: [UInt8]) throws(HTTPResponseError) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        var first = true
        while i < body.count {
            // Chunk size: hex digits, optional ";ext", CRLF.
            var size = 0
            var digits = 0
            while i < body.count, let v = Self.hexValue(body[i]) {
                guard size < (1 << 40) else { throw HTTPResponseError("chunk size too large") }
                size = size * 16 + v
                digits += 1
                i += 1
            }
            if digits == 0 {
                if first { return nil }
                throw HTTPResponseError("bad chunk size at byte \(i)")
            }
            while i < body.count, body[i] == 0x20 || body[i] == 0x09 { i += 1 }
            if i < body.count, body[i] == UInt8(ascii: ";") {
                while i < body.count, body[i] != 0x0A { i += 1 }
            }
            if i < body.count, body[i] == 0x0D { i += 1 }
            guard i < body.count, body[i] == 0x0A else {
                if first { return nil }
                if i >= body.count { return out }
                throw HTTPResponseError("bad chunk size line at byte \(i)")
            }
            i += 1
            first = false
            if size == 0 { return out }  // Trailers follow; nothing in them matters here.
            let end = min(i + size, body.count)
            guard out.count + (end - i) <= maxBytes else {
                throw HTTPResponseError("chunked body larger than \(maxBytes) bytes")
            }
            out.append(contentsOf: body[i..<end])
            i = end
            if i < body.count, body[i] == 0x0D { i += 1 }
            if i < body.count, body[i] == 0x0A { i += 1 }
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
