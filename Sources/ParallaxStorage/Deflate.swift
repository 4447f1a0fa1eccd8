import CZlib
import Foundation

/// zlib compression of whole buffers: the annotation blobs, and the server's gzip responses.
public enum Deflate {
    /// `bytes` compressed into a zlib stream at `level` (1 fastest ... 9 smallest).
    ///
    /// A small window and hash table (`windowBits` 13, `memLevel` 6): an annotation is a few KB, and for inputs
    /// that small, zeroing zlib's default 256 KB of tables costs more than compressing. `uncompress` reads any
    /// window size from the stream header.
    static func compress(_ bytes: [UInt8], level: Int32 = 1) -> [UInt8]? {
        run(bytes, level: level, windowBits: 13, memLevel: 6)
    }

    /// `bytes` as a gzip member (RFC 1952, for `Content-Encoding: gzip`) at `level`, zlib's full window.
    public static func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        run(bytes, level: level, windowBits: 15 + 16, memLevel: 8)
    }

    private static func run(_ bytes: [UInt8], level: Int32, windowBits: Int32, memLevel: Int32) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(bytes.count)))
        var out = [UInt8](repeating: 0, count: capacity)
        let status = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.removeSubrange(Int(stream.total_out)...)
        return out
    }

    /// A stored blob of the codecs (``AnnotationCodec``, ``StoryAnalysisCodec``): `format`, the payload's length
    /// (varint), then the payload deflated; nil when zlib fails.
    static func framed(_ payload: [UInt8], format: UInt8) -> Data? {
        guard let packed = compress(payload) else { return nil }
        var out = ByteWriter(capacity: packed.count + 8)
        out.byte(format)
        out.varint(payload.count)
        out.append(packed)
        return Data(out.bytes)
    }

    /// The payload of a ``framed(_:format:)`` blob (whose first byte the caller checked); nil when the rest is not
    /// the deflated payload of the length it gives.
    static func unframed(_ blob: Data) -> [UInt8]? {
        var header = ByteReader([UInt8](blob), offset: 1)
        guard let length = try? header.count(limit: 1 << 30) else { return nil }
        return decompress(header.remaining, count: length)
    }

    /// Decompresses `bytes` into exactly `count` bytes; `nil` when they are not zlib data of that length.
    static func decompress(_ bytes: ArraySlice<UInt8>, count: Int) -> [UInt8]? {
        guard count >= 0, count <= 1 << 30 else { return nil }
        var out = [UInt8](repeating: 0, count: max(count, 1))
        var length = uLong(count)
        let status = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                uncompress(dst.baseAddress, &length, src.baseAddress, uLong(src.count))
            }
        }
        guard status == Z_OK, Int(length) == count else { return nil }
        if count == 0 { return [] }
        return out
    }
}
