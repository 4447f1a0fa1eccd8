/// Builds gzip files for tests: one member with a stored (uncompressed) deflate block, valid CRC.
enum Gzip {
    static func compress(_ data: [UInt8]) -> [UInt8]? {
        guard data.count < 65_535 else { return nil }
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        let len = UInt16(data.count)
        out += [0x01, UInt8(len & 0xFF), UInt8(len >> 8), UInt8(~len & 0xFF), UInt8(~len >> 8)]
        out += data
        out += le32(crc32(data)) + le32(UInt32(data.count))
        return out
    }

    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
