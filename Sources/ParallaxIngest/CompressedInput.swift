/// Whole-buffer gzip decompression for inputs such as `articles.jsonl.gz`, on top of ``GzipStream``.
enum CompressedInput {
    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: some Collection<UInt8>) -> Bool { GzipStream.isGzip(bytes) }

    /// Decompresses gzip data (all members), refusing more than `maxBytes` of output.
    ///
    /// With `partial` set, returns what was decompressed so far instead of failing on a truncated or corrupt
    /// stream or on reaching `maxBytes` (used to sniff the head of a file).
    static func gunzip(_ input: [UInt8], maxBytes: Int, partial: Bool = false) throws(CompressedInputError) -> [UInt8] {
        guard !partial else {
            let stream = GzipStream(format: .gzip, bufferSize: 1 << 16)
            var out: [UInt8] = []
            input.withUnsafeBufferPointer { buffer in
                stream.decompress(buffer) { piece in
                    if case .bytes(let b) = piece, out.count < maxBytes {
                        out.append(contentsOf: b.prefix(maxBytes - out.count))
                    }
                }
            }
            return out
        }
        do { return try GzipStream.decompress(input, maxOutput: maxBytes) } catch {
            // `GzipStream.decompress` reports reaching `maxOutput` as "more than N bytes".
            throw CompressedInputError(message: error.message, exceedsLimit: error.message.hasPrefix("more than "))
        }
    }
}

/// Why compressed input could not be read.
struct CompressedInputError: Error {
    var message: String
    /// The data is intact but decompresses to more than the limit (not truncated or corrupt).
    var exceedsLimit = false
}
