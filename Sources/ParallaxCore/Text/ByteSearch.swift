/// Substring search over bytes in linear time (Knuth-Morris-Pratt), for text that may be hostile: a naive search
/// costs haystack x needle on periodic input (a page of one repeated emoji), this never more than their sum.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    public static func contains(_ haystack: some Collection<UInt8>, _ needle: some Collection<UInt8>) -> Bool {
        let pattern = Array(needle)
        guard !pattern.isEmpty else { return true }
        // failure[i]: length of the longest proper prefix of pattern[...i] that is also its suffix.
        var failure = [Int](repeating: 0, count: pattern.count)
        var k = 0
        for i in pattern.indices.dropFirst() {
            while k > 0, pattern[i] != pattern[k] { k = failure[k - 1] }
            if pattern[i] == pattern[k] { k += 1 }
            failure[i] = k
        }
        var matched = 0
        for byte in haystack {
            while matched > 0, byte != pattern[matched] { matched = failure[matched - 1] }
            if byte == pattern[matched] { matched += 1 }
            if matched == pattern.count { return true }
        }
        return false
    }
}
