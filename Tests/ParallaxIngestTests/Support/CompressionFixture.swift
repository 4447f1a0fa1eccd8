import CZlib

/// Compresses test data with zlib: gzip members, zlib streams and raw deflate, as writers in the wild do.
enum CompressionFixture {
    enum Wrapper {
        case gzip, zlib, raw

        var windowBits: Int32 {
            switch self {
            case .gzip: 15 + 16
            case .zlib: 15
            case .raw: -15
            }
        }
    }

    /// `bytes` compressed as one gzip member (or zlib stream, or raw deflate).
    static func compress(_ bytes: [UInt8], as wrapper: Wrapper = .gzip) -> [UInt8] {
        var stream = z_stream()
        let ok = deflateInit2_(&stream, 6, Z_DEFLATED, wrapper.windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        precondition(ok == Z_OK)
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(out.prefix(produced))
    }

    static func compress(_ text: String, as wrapper: Wrapper = .gzip) -> [UInt8] {
        compress(Array(text.utf8), as: wrapper)
    }
}
