import CZlib

/// Gzip detection and decompression for inputs such as `articles.jsonl.gz`.
enum CompressedInput {
    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    /// Decompresses gzip data (all members), refusing more than `maxBytes` of output.
    ///
    /// With `partial` set, returns what was decompressed so far instead of failing on a truncated stream or on
    /// reaching `maxBytes` (used to sniff the head of a file).
    static func gunzip(_ input: [UInt8], maxBytes: Int, partial: Bool = false) throws(CompressedInputError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: zlib or gzip header, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CompressedInputError(message: "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var failure: String?
        input.withUnsafeBufferPointer { inBuf in
            var offset = 0
            while offset < inBuf.count {
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
                stream.avail_in = UInt32(inBuf.count - offset)
                var status: Int32 = Z_OK
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = UInt32(outBuf.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return outBuf.count - Int(stream.avail_out)
                    }
                    out.append(contentsOf: chunk[0..<produced])
                    if out.count > maxBytes {
                        if !partial { failure = "decompressed data larger than \(maxBytes >> 20) MiB" }
                        return
                    }
                } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
                if status == Z_STREAM_END {
                    offset = inBuf.count - Int(stream.avail_in)
                    // Another gzip member may follow (concatenated .gz files).
                    guard offset < inBuf.count, inBuf[offset] == 0x1F else { return }
                    inflateReset(&stream)
                } else if status == Z_BUF_ERROR || (status == Z_OK && stream.avail_in == 0) {
                    if !partial { failure = "truncated gzip data" }
                    return
                } else {
                    if !partial || out.isEmpty { failure = "corrupt gzip data (zlib status \(status))" }
                    return
                }
            }
        }
        if let failure { throw CompressedInputError(message: failure) }
        return out
    }
}

/// Why compressed input could not be read.
struct CompressedInputError: Error {
    var message: String
}
