/// A per-language data file: `{"languages": [{"code": "en", ...}, {"code": "ru", ...}]}`, each entry a BCP 47 code
/// and the language's data (the rest of the object, decoded as `Value`).
public struct LanguageFile<Value: Decodable>: Decodable {
    /// One language's entry.
    public struct Entry: Decodable {
        public var code: String
        public var value: Value

        public init(code: String, value: Value) {
            self.code = code
            self.value = value
        }

        public init(from decoder: any Decoder) throws {
            code = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .code)
            value = try Value(from: decoder)
        }

        private enum Key: String, CodingKey { case code }
    }

    public var languages: [Entry]

    public init(languages: [Entry]) { self.languages = languages }

    /// The entry for `language` as `LanguageChoice` picks it (same code, same primary subtag, else English).
    public func entry(for language: String?) -> Entry? {
        LanguageChoice.choose(language, from: languages, code: \.code)
    }
}

extension LanguageFile: Sendable where Value: Sendable {}
extension LanguageFile.Entry: Sendable where Value: Sendable {}
