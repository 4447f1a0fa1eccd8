/// Identifiers derived from content, so that the same input gives the same ids in any run, order or process.
///
/// An id is a short prefix and 16 hexadecimal digits of a 64-bit FNV-1a hash of its parts (joined by U+001F),
/// finished by a SplitMix64 mix: `q-3f9a0c1b2d4e5f60`. FNV-1a is fixed by its definition (unlike Swift's seeded
/// `Hasher`), so ids are stable across processes and machines.
public enum StableID {
    /// The id of `parts` under `prefix`.
    public static func make(_ prefix: String, _ parts: String...) -> String {
        make(prefix, parts: parts)
    }

    /// The id of `parts` under `prefix`.
    public static func make(_ prefix: String, parts: [String]) -> String {
        let digits = String(hash(parts), radix: 16)
        return prefix + "-" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The 64-bit hash behind ``make(_:parts:)``.
    public static func hash(_ parts: [String]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (n, part) in parts.enumerated() {
            if n > 0 { h = (h ^ 0x1F) &* 0x100_0000_01b3 }
            for b in part.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        var z = h &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `ids` with repeats made unique by a suffix (`-2`, `-3`, ... in order of appearance).
    public static func disambiguated(_ ids: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return ids.map { id in
            let n = seen[id, default: 0] + 1
            seen[id] = n
            return n == 1 ? id : "\(id)-\(n)"
        }
    }
}
