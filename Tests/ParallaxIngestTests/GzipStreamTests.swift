import Testing

import ParallaxIngest

struct GzipStreamTests {
    /// Feeds `input` in pieces of `chunk` bytes; returns the output, the corruption reports and the finish error.
    private func inflate(_ input: [UInt8], chunk: Int, format: GzipStream.Format = .gzip)
        -> (out: [UInt8], corrupt: [GzipError], finishError: GzipError?)
    {
        let stream = GzipStream(format: format, bufferSize: 4096)
        var out: [UInt8] = []
        var corrupt: [GzipError] = []
        let sink: (GzipStream.Output) -> Void = { piece in
            switch piece {
            case .bytes(let b): out.append(contentsOf: b)
            case .corrupt(let e): corrupt.append(e)
            }
        }
        var start = 0
        while start < input.count {
            let end = min(start + chunk, input.count)
            input[start..<end].withUnsafeBufferPointer { stream.decompress($0, into: sink) }
            start = end
        }
        var finishError: GzipError?
        do { try stream.finish { _ in } } catch { finishError = error }
        return (out, corrupt, finishError)
    }

    private static let sample = (0..<3000).map { "line \($0) of the sample text\n" }.joined()

    @Test(arguments: [1, 7, 4096, 1 << 20])
    func multiMemberGzipInAnyChunkSize(chunk: Int) {
        let parts = ["first member\n", Self.sample, "", "last member\n"]
        let input = parts.flatMap { CompressionFixture.compress($0) }
        let (out, corrupt, finishError) = inflate(input, chunk: chunk)
        #expect(String(decoding: out, as: UTF8.self) == parts.joined())
        #expect(corrupt.isEmpty)
        #expect(finishError == nil)
    }

    /// Bytes after a complete stream that are no gzip member are ignored, as `gzip -d` does.
    @Test func trailingGarbageAfterACompleteStreamIsIgnored() {
        let input = CompressionFixture.compress(Self.sample) + Array("garbage".utf8)
        for chunk in [3, 1 << 16] {
            let (out, corrupt, finishError) = inflate(input, chunk: chunk)
            #expect(String(decoding: out, as: UTF8.self) == Self.sample)
            #expect(corrupt.isEmpty)
            #expect(finishError == nil)
        }
    }

    @Test func corruptMemberIsReportedAndTheNextMemberIsRead() {
        var damaged = CompressionFixture.compress(Self.sample)
        for i in 20..<60 { damaged[i] ^= 0x5A }
        let input = CompressionFixture.compress("before\n") + damaged + CompressionFixture.compress("after\n")
        for chunk in [3, 1 << 16] {
            let (out, corrupt, finishError) = inflate(input, chunk: chunk)
            let text = String(decoding: out, as: UTF8.self)
            #expect(text.hasPrefix("before\n"))
            #expect(text.hasSuffix("after\n"))
            #expect(!corrupt.isEmpty)
            #expect(finishError == nil)
        }
    }

    @Test func truncatedInputFailsAtFinish() {
        let whole = CompressionFixture.compress(Self.sample)
        let (out, corrupt, finishError) = inflate(Array(whole.prefix(whole.count / 2)), chunk: 1000)
        #expect(!out.isEmpty)
        #expect(corrupt.isEmpty)
        #expect(finishError?.message.contains("ends in the middle") == true)
    }

    @Test func zlibAndRawDeflate() throws {
        #expect(try GzipStream.decompress(CompressionFixture.compress(Self.sample, as: .zlib), format: .zlib)
            == Array(Self.sample.utf8))
        #expect(try GzipStream.decompress(CompressionFixture.compress(Self.sample, as: .raw), format: .rawDeflate)
            == Array(Self.sample.utf8))
        // Bytes after the end of a zlib stream are not data.
        #expect(try GzipStream.decompress(CompressionFixture.compress("z", as: .zlib) + [1, 2, 3], format: .zlib)
            == Array("z".utf8))
        // The gzip format also accepts a zlib stream.
        #expect(try GzipStream.decompress(CompressionFixture.compress("z", as: .zlib)) == Array("z".utf8))
    }

    @Test func outputLimitAndGarbageThrow() {
        #expect(throws: GzipError.self) {
            try GzipStream.decompress(CompressionFixture.compress(Self.sample), maxOutput: 1000)
        }
        #expect(throws: GzipError.self) { try GzipStream.decompress(Array("not compressed".utf8)) }
        #expect(GzipStream.isGzip(CompressionFixture.compress("x")))
        #expect(!GzipStream.isGzip(Array("WARC/1.0".utf8)))
    }
}
