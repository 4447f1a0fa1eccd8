import Foundation

/// An incremental WARC record parser: feed it decompressed bytes in any chunk sizes, get whole records out.
///
/// Holds at most one record in memory. A record whose block exceeds ``maxRecordBytes``, or that ``keepsBody``
/// declines, is skipped without being stored (still counted). Damage never stops the parser: bytes that are not
/// a record are skipped up to the next line starting with `WARC/1.`, reported as an ``Event/issue(_:_:)``.
public struct WARCRecordParser {
    /// What the parser produces.
    public enum Event {
        /// A whole record (its block empty when not kept).
        case record(WARCRecord)
        /// A problem at a location (`record 3 (<urn:uuid:...>)`), with a message; parsing goes on.
        case issue(location: String?, kind: IngestIssue.Kind = .brokenRecord, message: String)
    }

    /// Blocks larger than this are skipped with an issue (default 50 MiB).
    public var maxRecordBytes: Int
    /// Whether to keep the block of a record, judged from its headers; declined blocks are skipped unread
    /// (saves copying requests, metadata and non-HTML payloads).
    public var keepsBody: @Sendable (HeaderFields) -> Bool

    private enum State {
        /// Looking for `\nWARC/1.`; `matched` bytes of it seen; `garbage` non-blank bytes skipped.
        case seeking(matched: Int, garbage: Int)
        /// Reading the header block (after `WARC/1.`) into `header`.
        case header
        /// Reading (`keep`) or skipping the block; `remaining` bytes to go.
        case block(remaining: Int, keep: Bool)
    }

    private static let marker: [UInt8] = Array("\nWARC/1.".utf8)
    private static let maxHeaderBytes = 1 << 20

    private var state: State = .seeking(matched: 1, garbage: 0)
    private var header: [UInt8] = []
    private var headerLineHasContent = true
    /// Whether skipped bytes are news (not the rest of a record already reported as broken).
    private var reportGarbage = true
    private var current: (version: String, headers: HeaderFields, length: Int, keep: Bool)?
    private var block: [UInt8] = []
    /// Records begun so far.
    public private(set) var recordCount = 0

    public init(maxRecordBytes: Int = 50 << 20, keepsBody: @escaping @Sendable (HeaderFields) -> Bool = { _ in true }) {
        self.maxRecordBytes = maxRecordBytes
        self.keepsBody = keepsBody
    }

    /// Parses the next piece of the stream. O(n) in its length; copies only kept blocks.
    public mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, emit: (Event) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            switch state {
            case .seeking(var matched, var garbage):
                while i < n {
                    let c = bytes[i]
                    i += 1
                    if c != 0x0A, c != 0x0D, c != 0x20, c != 0x09 { garbage += 1 }
                    if c == Self.marker[matched] {
                        matched += 1
                        if matched == Self.marker.count { break }
                    } else {
                        matched = c == 0x0A ? 1 : 0
                    }
                }
                if matched == Self.marker.count {
                    garbage -= Self.marker.count - 1
                    recordCount += 1
                    if garbage > 0, reportGarbage {
                        emit(.issue(location: "before record \(recordCount)",
                            message: "skipped \(garbage) bytes that are not part of any WARC record"))
                    }
                    header = Array("WARC/1.".utf8)
                    headerLineHasContent = true
                    reportGarbage = true
                    state = .header
                } else {
                    state = .seeking(matched: matched, garbage: garbage)
                }
            case .header:
                let start = i
                var done = false
                while i < n {
                    let c = bytes[i]
                    i += 1
                    if c == 0x0A {
                        if !headerLineHasContent { done = true; break }
                        headerLineHasContent = false
                    } else if c != 0x0D {
                        headerLineHasContent = true
                    }
                }
                header.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if done {
                    beginBlock(emit: emit)
                } else if header.count > Self.maxHeaderBytes {
                    emit(.issue(location: WARCRecord.location(number: recordCount, id: nil),
                        message: "header block longer than \(Self.maxHeaderBytes) bytes; skipped"))
                    header = []
                    state = .seeking(matched: 0, garbage: 0)
                    reportGarbage = false
                }
            case .block(let remaining, let keep):
                let take = min(remaining, n - i)
                if keep { block.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + take)])) }
                i += take
                if take == remaining {
                    finishRecord(emit: emit)
                } else {
                    state = .block(remaining: remaining - take, keep: keep)
                }
            }
        }
        if case .block(0, _) = state { finishRecord(emit: emit) }
    }

    /// Ends the stream: reports a record cut off in the middle and trailing bytes that are not a record.
    public mutating func finish(emit: (Event) -> Void) {
        switch state {
        case .seeking(_, let garbage):
            if garbage > 0, reportGarbage {
                emit(.issue(location: "after record \(recordCount)",
                    message: "\(garbage) bytes at the end are not a WARC record"))
            }
        case .header:
            emit(.issue(location: WARCRecord.location(number: recordCount, id: nil),
                message: "input ends inside the record header; record skipped"))
        case .block(let remaining, _):
            let id = current?.headers["WARC-Record-ID"]
            let length = current?.length ?? 0
            emit(.issue(location: WARCRecord.location(number: recordCount, id: id),
                message: "input ends inside the record (\(length - remaining) of \(length) bytes); record skipped"))
        }
        reset()
    }

    /// Drops any record in progress after damage in the underlying stream (e.g. a corrupt gzip member) and looks
    /// for the next record; reports the dropped record. Returns whether a record was dropped (and reported).
    @discardableResult
    public mutating func resynchronize(reason: String, emit: (Event) -> Void) -> Bool {
        defer { reset(); reportGarbage = false }
        switch state {
        case .seeking: return false
        case .header:
            emit(.issue(location: WARCRecord.location(number: recordCount, id: nil),
                message: "\(reason); record skipped"))
        case .block:
            emit(.issue(location: WARCRecord.location(number: recordCount, id: current?.headers["WARC-Record-ID"]),
                message: "\(reason); record skipped"))
        }
        return true
    }

    private mutating func reset() {
        header = []
        block = []
        current = nil
        state = .seeking(matched: 1, garbage: 0)
    }

    private mutating func beginBlock(emit: (Event) -> Void) {
        let parsed: (String, HeaderFields) = header.withUnsafeBufferPointer { buf in
            var lineEnd = 0
            while lineEnd < buf.count, buf[lineEnd] != 0x0A { lineEnd += 1 }
            let version = String(decoding: UnsafeBufferPointer(rebasing: buf[0..<lineEnd]), as: UTF8.self)
                .trimmingWhitespace()
            let rest = UnsafeBufferPointer(rebasing: buf[min(lineEnd + 1, buf.count)...])
            return (version, HeaderFields.parse(rest))
        }
        header = []
        let (version, headers) = parsed
        let id = headers["WARC-Record-ID"]
        guard let lengthText = headers["Content-Length"], let length = Int(lengthText), length >= 0 else {
            emit(.issue(location: WARCRecord.location(number: recordCount, id: id),
                message: "missing or invalid Content-Length; looking for the next record"))
            state = .seeking(matched: 0, garbage: 0)
            reportGarbage = false
            return
        }
        var keep = keepsBody(headers)
        if keep, length > maxRecordBytes {
            emit(.issue(location: WARCRecord.location(number: recordCount, id: id), kind: .tooLarge,
                message: "block of \(length) bytes is over the \(maxRecordBytes >> 20) MiB limit; skipped"))
            keep = false
        }
        current = (version, headers, length, keep)
        if keep { block.reserveCapacity(length) }
        state = .block(remaining: length, keep: keep)
    }

    private mutating func finishRecord(emit: (Event) -> Void) {
        if let current {
            let record = WARCRecord(number: recordCount, version: current.version, headers: current.headers,
                block: block, blockOmitted: !current.keep)
            block = []
            self.current = nil
            emit(.record(record))
        }
        state = .seeking(matched: 1, garbage: 0)
    }
}
