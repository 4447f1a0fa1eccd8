import ParallaxCore

/// Phrases of a few words mapped to values, matched on adjacent word units (longest first).
struct PhraseTable<Value: Sendable>: Sendable {
    private var entries: [[String]: Value] = [:]
    /// First words of all phrases: a quick reject before building keys.
    private var firstWords: Set<String> = []
    private(set) var maxLength = 0

    init(_ pairs: [(String, Value)]) {
        for (phrase, value) in pairs {
            let words = PhraseMatcher.words(of: phrase).map(Tokenizer.norm)
            guard !words.isEmpty else { continue }
            entries[words] = value
            firstWords.insert(words[0])
            maxLength = max(maxLength, words.count)
        }
    }

    init(_ phrases: [String], value: Value) { self.init(phrases.map { ($0, value) }) }

    var isEmpty: Bool { entries.isEmpty }

    /// The longest phrase that starts at unit `i`: its value and the index after its last unit.
    func match(at i: Int, in units: [WordUnit]) -> (value: Value, end: Int)? {
        guard i < units.count, firstWords.contains(units[i].key) else { return nil }
        var length = min(maxLength, units.count - i)
        while length > 0 {
            if isChain(units, i..<(i + length)), let v = entries[units[i..<(i + length)].map(\.key)] {
                return (v, i + length)
            }
            length -= 1
        }
        return nil
    }

    /// The longest phrase that ends right before unit `end` and is adjacent to it: its value and first unit.
    func match(endingBefore end: Int, in units: [WordUnit]) -> (value: Value, start: Int)? {
        guard end > 0, end <= units.count, maxLength > 0 else { return nil }
        var length = min(maxLength, end)
        while length > 0 {
            let range = (end - length)..<end
            guard firstWords.contains(units[range.lowerBound].key) else {
                length -= 1
                continue
            }
            let touches = end == units.count || units[end - 1].isAdjacent(to: units[end])
            if touches, isChain(units, range), let v = entries[units[range].map(\.key)] {
                return (v, range.lowerBound)
            }
            length -= 1
        }
        return nil
    }

    private func isChain(_ units: [WordUnit], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound + 1
        while k < range.upperBound {
            guard units[k - 1].isAdjacent(to: units[k]) else { return false }
            k += 1
        }
        return true
    }
}
