import CZlib

/// Inflates gzip (or zlib) data in memory, with a bound on the output size.
public struct GzipDecoder: Sendable {
    /// Largest output accepted; more is an error (a decompression bomb or an oversized page).
    public var maxOutputBytes: Int

    public init(maxOutputBytes: Int = 256 << 20) {
        self.maxOutputBytes = maxOutputBytes
    }

    /// An error while inflating.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Whether `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The inflated bytes. Concatenated gzip members are all inflated. Throws on corrupt or truncated data and when
    /// the output would exceed ``maxOutputBytes``.
    public func decode(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        guard !bytes.isEmpty else { throw Failure(description: "empty gzip data") }
        var stream = z_stream()
        // 15 + 32: any window size, gzip or zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        return try input.withUnsafeMutableBufferPointer { (inBuffer) throws(Failure) -> [UInt8] in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maxOutputBytes {
                    throw Failure(description: "inflates to more than \(maxOutputBytes >> 20) MiB")
                }
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow.
                    if stream.avail_in > 0, stream.next_in.pointee == 0x1F {
                        guard inflateReset(&stream) == Z_OK else { return output }
                        continue
                    }
                    return output
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { throw Failure(description: "truncated gzip data") }
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw Failure(description: "corrupt gzip data (\(message))")
                }
            }
        }
    }
}
