import ParallaxCore

/// Appends LEB128 varints, fixed 64-bit words, strings and spans to a byte buffer.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func varint(_ value: Int) { varint(UInt64(truncatingIfNeeded: value)) }

    /// A signed value, zigzag-encoded (small magnitudes stay short).
    mutating func signed(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { fixed64(value.bitPattern) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append<C: Collection>(_ data: C) where C.Element == UInt8 { bytes.append(contentsOf: data) }

    mutating func string(_ value: String) {
        varint(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// A presence byte, then the value when there is one.
    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    mutating func span(_ span: TextSpan) {
        varint(span.start)
        varint(span.length)
    }

    mutating func day(_ day: Day) { signed(day.daysSinceEpoch) }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        varint(values.count)
        for v in values { write(&self, v) }
    }
}

/// Reads what ``ByteWriter`` wrote; every read checks bounds and throws ``Damaged`` past the end or on a value
/// out of range, so damaged bytes never trap.
struct ByteReader {
    struct Damaged: Error, CustomStringConvertible {
        var description: String { "damaged or truncated binary data" }
    }

    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: ArraySlice<UInt8> { bytes[min(offset, bytes.count)...] }
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let b = bytes[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
        throw Damaged()
    }

    /// A varint that must be a non-negative `Int` no greater than `limit`.
    mutating func count(limit: Int = Int(Int32.max)) throws -> Int {
        let v = try varint()
        guard v <= UInt64(limit) else { throw Damaged() }
        return Int(v)
    }

    /// A count of items that each take at least one byte (so a damaged count cannot reserve huge arrays).
    mutating func itemCount() throws -> Int { try count(limit: bytes.count - offset) }

    mutating func signed() throws -> Int {
        let v = try varint()
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    /// A signed value within `±limit`.
    mutating func signed(limit: Int) throws -> Int {
        let v = try signed()
        guard v >= -limit, v <= limit else { throw Damaged() }
        return v
    }

    mutating func fixed64() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Damaged() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }

    mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, bytes.count - offset >= n else { throw Damaged() }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func string() throws -> String {
        String(decoding: try take(try count()), as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    /// A span at an absolute offset.
    mutating func span() throws -> TextSpan { try span(after: 0, delta: false) }

    /// A span whose start is `base` plus a delta (`delta`), or absolute.
    mutating func span(after base: Int, delta: Bool) throws -> TextSpan {
        let start = delta ? base + (try signed(limit: Int(Int32.max))) : try count()
        let length = try count()
        guard start >= 0, start <= Int(Int32.max) - length else { throw Damaged() }
        return TextSpan(start: start, end: start + length)
    }

    mutating func day() throws -> Day { Day(daysSinceEpoch: try signed(limit: 4_000_000)) }

    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try itemCount()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    /// A value of a `String`-backed enum.
    mutating func raw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: try string()) else { throw Damaged() }
        return v
    }
}
