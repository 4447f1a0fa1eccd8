import CZlib

/// A streaming decompressor for gzip (multi-member), zlib and raw deflate data, built on zlib.
///
/// Feed compressed bytes in any chunk sizes with ``decompress(_:into:)``; decompressed bytes come out through the
/// callback as they are produced, so memory stays flat however large the input is (a multi-GB `.warc.gz`, a
/// `.jsonl.gz`). Concatenated gzip members (as in per-record `.warc.gz` files) are decoded one after another.
/// When a member is corrupt, the stream reports it with ``Output/corrupt(_:)`` and skips ahead to the next gzip
/// member header, so the caller can resynchronize instead of losing the rest of the file. Call ``finish(into:)``
/// at the end of the input to learn whether it was truncated.
///
/// Not thread-safe: use one stream per input.
public final class GzipStream {
    /// The container format of the compressed data.
    public enum Format: Sendable {
        /// gzip (RFC 1952), any number of concatenated members; zlib data is accepted too.
        case gzip
        /// zlib-wrapped deflate (RFC 1950), the usual meaning of HTTP `Content-Encoding: deflate`.
        case zlib
        /// Raw deflate (RFC 1951) without header or trailer.
        case rawDeflate
    }

    /// What ``decompress(_:into:)`` produces: decompressed bytes, or word that the data was damaged.
    public enum Output {
        /// Decompressed bytes; valid only during the callback.
        case bytes(UnsafeBufferPointer<UInt8>)
        /// The data was corrupt at compressed offset `offset`; bytes were skipped up to the next gzip member (or
        /// the end of the input). Output after this does not continue the damaged member.
        case corrupt(GzipError)
    }

    private let format: Format
    private var stream = z_stream()
    private var initialized = false
    /// Inside a member whose end has not been seen yet.
    private var inMember = false
    /// Members decompressed to their end.
    private var completedMembers = 0
    /// The member being read started without the gzip magic, after a complete member.
    private var memberLacksMagic = false
    /// A zlib or raw deflate stream has ended; later input is ignored.
    private var ended = false
    /// Skipping input until the next gzip magic after corruption.
    private var seekingMember = false
    /// The last bytes of the previous chunk, when they may start a gzip header (while seeking a member).
    private var carry: [UInt8] = []
    private var output: [UInt8]
    /// Compressed bytes consumed so far.
    public private(set) var compressedOffset: Int = 0
    /// Decompressed bytes produced so far.
    public private(set) var decompressedCount: Int = 0

    /// Creates a stream for `format`; `bufferSize` is the size of each decompressed piece handed to the callback.
    public init(format: Format = .gzip, bufferSize: Int = 256 << 10) {
        self.format = format
        self.output = [UInt8](repeating: 0, count: max(4096, bufferSize))
    }

    deinit {
        if initialized { inflateEnd(&stream) }
    }

    /// Whether `bytes` starts with the gzip magic number.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1f && it.next() == 0x8b
    }

    /// Decompresses a whole buffer at once, refusing more than `maxOutput` decompressed bytes.
    /// Throws ``GzipError`` on corrupt or truncated data or when the output would exceed `maxOutput`.
    public static func decompress(
        _ bytes: [UInt8], format: Format = .gzip, maxOutput: Int = 256 << 20
    ) throws(GzipError) -> [UInt8] {
        let stream = GzipStream(format: format, bufferSize: min(max(bytes.count * 4, 4096), 1 << 20))
        var out: [UInt8] = []
        var failure: GzipError?
        let sink: (Output) -> Void = { piece in
            guard failure == nil else { return }
            switch piece {
            case .bytes(let b):
                if out.count + b.count > maxOutput {
                    failure = GzipError(offset: stream.compressedOffset, message: "more than \(maxOutput) bytes")
                } else {
                    out.append(contentsOf: b)
                }
            case .corrupt(let e): failure = e
            }
        }
        bytes.withUnsafeBufferPointer { stream.decompress($0, into: sink) }
        if let failure { throw failure }
        try stream.finish(into: sink)
        if let failure { throw failure }
        return out
    }

    /// Decompresses the next piece of input, calling `sink` with each piece of output (and with any corruption
    /// found). O(n) in the input and output size.
    public func decompress(_ input: UnsafeBufferPointer<UInt8>, into sink: (Output) -> Void) {
        guard let base = input.baseAddress, input.count > 0 else { return }
        if !carry.isEmpty {
            let joined = carry + Array(input)
            carry = []
            joined.withUnsafeBufferPointer { decompress($0, into: sink) }
            return
        }
        var position = 0
        while position < input.count {
            if seekingMember {
                position = skipToMember(input, from: position)
                continue
            }
            if ended { return }
            if !inMember {
                // Between gzip members: ignore zero padding some writers leave at the end.
                if format == .gzip, input[position] == 0 {
                    position += 1
                    compressedOffset += 1
                    continue
                }
                // A member that does not open with the gzip magic after a complete one may be trailing garbage.
                memberLacksMagic = format == .gzip && completedMembers > 0
                    && (input[position] != 0x1F || (position + 1 < input.count && input[position + 1] != 0x8B))
                guard begin(sink) else { return }
            }
            stream.next_in = UnsafeMutablePointer(mutating: base + position)
            let available = input.count - position
            stream.avail_in = uInt(min(available, Int(UInt32.max)))
            let status = inflateSome(sink)
            let used = available - Int(stream.avail_in)
            position += used
            compressedOffset += used
            switch status {
            case Z_STREAM_END:
                inMember = false
                completedMembers += 1
                if format != .gzip {  // Only gzip has members; ignore trailing bytes of the others.
                    ended = true
                    return
                }
            case Z_OK, Z_BUF_ERROR:
                if used == 0, stream.avail_in > 0 { fail(sink, "zlib made no progress") }
            default:
                // Bytes after a complete gzip stream that do not start a member are trailing garbage, which
                // `gzip -d` ignores with a warning: the data already read stands.
                if memberLacksMagic, stream.total_out == 0 {
                    inMember = false
                    ended = true
                    return
                }
                fail(sink, Self.message(status, stream.msg))
                // Do not rescan the byte that failed, at least one step ahead.
                if used == 0 { position += 1; compressedOffset += 1 }
            }
        }
    }

    /// Ends the input; reports ``GzipError`` as `.corrupt` through `sink` and throws it when the data stopped
    /// inside a member (a truncated file).
    public func finish(into sink: (Output) -> Void) throws(GzipError) {
        defer { inMember = false; seekingMember = false; carry = [] }
        if inMember {
            let error = GzipError(offset: compressedOffset, message: "compressed data ends in the middle of a member")
            sink(.corrupt(error))
            throw error
        }
    }

    /// Starts a new member; returns false when zlib cannot be initialized.
    private func begin(_ sink: (Output) -> Void) -> Bool {
        let status: Int32
        if initialized {
            status = inflateReset(&stream)
        } else {
            let bits: Int32 = switch format {
            case .gzip: 15 + 32  // auto-detect gzip or zlib
            case .zlib: 15
            case .rawDeflate: -15
            }
            status = inflateInit2_(&stream, bits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            initialized = status == Z_OK
        }
        guard status == Z_OK else {
            sink(.corrupt(GzipError(offset: compressedOffset, message: "zlib could not start (\(status))")))
            return false
        }
        inMember = true
        return true
    }

    /// Runs inflate until it needs more input or ends a member, passing output on.
    private func inflateSome(_ sink: (Output) -> Void) -> Int32 {
        var status: Int32 = Z_OK
        output.withUnsafeMutableBufferPointer { out in
            repeat {
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                status = inflate(&stream, Z_NO_FLUSH)
                let produced = out.count - Int(stream.avail_out)
                if produced > 0 {
                    decompressedCount += produced
                    sink(.bytes(UnsafeBufferPointer(rebasing: out[0..<produced])))
                }
            } while status == Z_OK && stream.avail_out == 0
        }
        return status
    }

    private func fail(_ sink: (Output) -> Void, _ message: String) {
        sink(.corrupt(GzipError(offset: compressedOffset, message: message)))
        inMember = false
        if format == .gzip { seekingMember = true }
    }

    /// Skips input up to the next gzip header (1f 8b 08); returns the new position.
    private func skipToMember(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < input.count {
            if input[i] == 0x1f {
                if i + 2 >= input.count {
                    // A possible header split across chunks: keep its start for the next call.
                    carry = Array(input[i...])
                    compressedOffset += i - start
                    return input.count
                }
                if input[i + 1] == 0x8b, input[i + 2] == 0x08 {
                    seekingMember = false
                    compressedOffset += i - start
                    return i
                }
            }
            i += 1
        }
        compressedOffset += i - start
        return i
    }

    private static func message(_ status: Int32, _ msg: UnsafeMutablePointer<CChar>?) -> String {
        let detail = msg.map { String(cString: $0) } ?? "zlib status \(status)"
        return status == Z_DATA_ERROR ? "corrupt compressed data (\(detail))" : detail
    }
}

/// Damaged or truncated compressed data, at a compressed byte offset.
public struct GzipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Compressed byte offset where the problem was found.
    public var offset: Int
    /// What is wrong.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(message) at compressed byte \(offset)" }
}
