import Foundation

extension ArticleAssembler {
    /// The dateline of the body and the paragraph that opens with it: the first paragraph, else the first body
    /// paragraph when only short lines the filter kept (a deck, a kicker) stand before it, at most two of them.
    func leadDateline(in paragraphs: [String]) -> (Int, TextMetadataExtractor.Dateline)? {
        for (i, paragraph) in paragraphs.prefix(3).enumerated() {
            if let dateline = metadata.dateline(in: paragraph) { return (i, dateline) }
            if LineShape(paragraph).isBodyShaped { return nil }
        }
        return nil
    }
}
