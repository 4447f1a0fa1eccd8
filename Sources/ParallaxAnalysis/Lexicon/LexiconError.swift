import Foundation

/// A lexicon data file that could not be read or decoded; names the file and what went wrong.
public struct LexiconError: Error, LocalizedError, Sendable, Hashable {
    /// The file (path or resource name).
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var errorDescription: String? { "lexicon \(file): \(reason)" }

    /// Decodes a lexicon of type `T` from the JSON file at `url`.
    static func load<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LexiconError(file: url.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let DecodingError.dataCorrupted(c) {
            throw LexiconError(file: url.path, reason: "invalid JSON: \(c.debugDescription)")
        } catch let DecodingError.keyNotFound(key, c) {
            throw LexiconError(file: url.path, reason: "missing field \(path(c.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, c) {
            throw LexiconError(file: url.path, reason: "wrong type at \(path(c.codingPath)): \(c.debugDescription)")
        } catch {
            throw LexiconError(file: url.path, reason: "\(error)")
        }
    }

    /// Decodes the bundled resource `name.json` of ParallaxAnalysis; a broken bundle is a build error.
    static func bundled<T: Decodable>(_ type: T.Type, named name: String) -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            fatalError("ParallaxAnalysis resource \(name).json is missing")
        }
        do { return try load(T.self, from: url) } catch { fatalError("\(error)") }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

extension Array {
    /// These elements with `other`'s added; an element with the same key as one of `other`'s is replaced by it.
    func merged(with other: [Element], by key: (Element) -> String) -> [Element] {
        var result = self
        for element in other {
            if let i = result.firstIndex(where: { key($0) == key(element) }) {
                result[i] = element
            } else {
                result.append(element)
            }
        }
        return result
    }
}
