extension Array where Element == UInt8 {
    /// Appends `scalar` as UTF-8 (one byte for ASCII without the encoder): for text rebuilt byte by byte, which is
    /// several times faster than appending scalars to a `String.UnicodeScalarView`.
    public mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { append($0) }
        }
    }
}
