import CZlib
import Foundation

/// zlib compression of whole buffers (the annotation blobs).
enum Deflate {
    /// `bytes` compressed with zlib at `level` (1 fastest ... 9 smallest).
    static func compress(_ bytes: [UInt8], level: Int32 = 1) -> [UInt8]? {
        var capacity = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let status = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &capacity, src.baseAddress, uLong(src.count), level)
            }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(capacity)...)
        return out
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
