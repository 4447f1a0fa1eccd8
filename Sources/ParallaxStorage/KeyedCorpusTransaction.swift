import Foundation
import ParallaxCore

/// The lookups from ids to integer keys that the SQL drivers' transactions share (stories by `key`, articles by
/// `sequence`), and what is built on them once for both.
package protocol KeyedCorpusTransaction {
    /// A story's key by its id, or `nil`.
    func storyKey(_ id: String) throws -> Int64?
    /// An article's sequence by its id, or `nil`.
    func articleSequence(_ id: String) throws -> Int64?
    /// A ``StoreError`` of kind `.invalidOperation` naming the database.
    func invalid(_ message: String) -> StoreError
}

extension KeyedCorpusTransaction {
    /// The story key and the original's sequence that `record` refers to (`nil` when it names none); an unknown
    /// story or original is `.invalidOperation`.
    package func references(of record: ArticleRecord) throws -> (story: Int64?, copyOf: Int64?) {
        let story = try record.story.map { id in
            guard let key = try storyKey(id) else { throw invalid("article \(record.id): unknown story \(id)") }
            return key
        }
        let copyOf = try record.copyOf.map { id in
            guard let sequence = try articleSequence(id) else {
                throw invalid("article \(record.id): unknown original \(id)")
            }
            return sequence
        }
        return (story, copyOf)
    }

    /// The stored form of an annotation (``AnnotationCodec``): `storedForm` when the caller made it beforehand;
    /// one that cannot be encoded is `.invalidOperation`.
    package func blob(of annotation: ArticleAnnotation, storedForm: Data?) throws -> Data {
        do { return try storedForm ?? AnnotationCodec.encode(annotation) } catch {
            throw invalid("article \(annotation.id): annotation cannot be encoded: \(error)")
        }
    }
}
