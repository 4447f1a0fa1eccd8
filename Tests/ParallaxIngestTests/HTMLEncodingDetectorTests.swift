import Testing

@testable import ParallaxIngest

struct HTMLEncodingDetectorTests {
    let detector = HTMLEncodingDetector()

    @Test(arguments: [
        ("<html><head><meta charset=\"windows-1251\"></head>", "WINDOWS-1251"),
        ("<html><head><meta charset='Shift_JIS'>", "SHIFT_JIS"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">", "ISO-8859-2"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", "windows-1252"),
        ("<META CHARSET=UTF-8>", "UTF-8"),
        ("<html><body>plain ascii</body></html>", "UTF-8"),
    ])
    func declaredCharset(html: String, expected: String) {
        #expect(detector.encoding(of: Array(html.utf8)) == expected)
    }

    @Test func byteOrderMarks() {
        #expect(detector.encoding(of: [0xEF, 0xBB, 0xBF, 0x3C]) == "UTF-8")
        #expect(detector.encoding(of: [0xFF, 0xFE, 0x3C, 0x00]) == "UTF-16LE")
        #expect(detector.encoding(of: [0xFE, 0xFF, 0x00, 0x3C]) == "UTF-16BE")
    }

    @Test func mislabelledUTF8WinsOverDeclaredLegacyEncodings() {
        for label in ["euc-kr", "shift_jis", "windows-1251", "gb2312"] {
            let html = "<meta charset=\"\(label)\"><p>Київ 서울 東京</p>"
            #expect(detector.encoding(of: Array(html.utf8)) == "UTF-8", "\(label)")
        }
        // Real EUC-KR bytes (서울 = BC AD BF EF) are not valid UTF-8: the declaration stands.
        let euc: [UInt8] = Array("<meta charset=\"euc-kr\"><p>".utf8) + [0xBC, 0xAD, 0xBF, 0xEF]
        #expect(detector.encoding(of: euc) == "EUC-KR")
    }

    @Test func undeclaredInvalidUTF8FallsBackToWindows1252() {
        let bytes = Array("<p>caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65] + Array("</p>".utf8)
        #expect(detector.encoding(of: bytes) == "windows-1252")
    }

    @Test func latin1LabelOnValidUTF8IsOverruled() {
        let html = "<meta charset=\"iso-8859-1\"><p>Café crème, Москва</p>"
        #expect(detector.encoding(of: Array(html.utf8)) == "UTF-8")
    }

    @Test func windows1252PageDecodesThroughTheParser() throws {
        let bytes = Array("<html><body><p>Caf".utf8) + [0xE9] + Array(" au lait, na".utf8) + [0xEF, 0x76, 0x65]
            + Array(" and ".utf8) + [0x93] + Array("quoted".utf8) + [0x94] + Array("</p></body></html>".utf8)
        let document = try HTMLDocument(bytes: bytes, encoding: detector.encoding(of: bytes))
        let text = document.elements(named: "p").first?.text
        #expect(text == "Café au lait, naïve and “quoted”")
    }

    @Test func windows1251PageDecodes() throws {
        // "Москва" in windows-1251.
        let bytes = Array("<html><head><meta charset=\"windows-1251\"></head><body><p>".utf8)
            + [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0] + Array("</p></body></html>".utf8)
        let document = try HTMLDocument(bytes: bytes, encoding: detector.encoding(of: bytes))
        #expect(document.elements(named: "p").first?.text == "Москва")
    }
}
