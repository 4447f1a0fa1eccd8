import Foundation

/// How a page lays out in Chromium at one window size, measured over the DevTools protocol: whether the document is
/// wider than the viewport (it scrolls sideways; only the coverage matrix may scroll, inside its `.matrix-wrap`
/// box), what the title is once scripts ran, and optionally the DOM as loaded.
struct LayoutProbe {
    let scrollWidth: Int
    let clientWidth: Int
    let title: String
    /// Up to five elements (outside the matrix box) whose right edge passes the viewport.
    let wide: [String]
    let matrixScrolls: Bool
    /// `document.documentElement.outerHTML`, when asked for.
    let dom: String?

    struct Size: Sendable, CustomStringConvertible {
        let width: Int
        let height: Int
        let mobile: Bool

        static let phone = Size(width: 390, height: 844, mobile: true)
        static let laptop = Size(width: 1280, height: 900, mobile: false)

        var description: String { "\(width)x\(height)\(mobile ? " mobile" : "")" }
    }

    private static let probe = """
        (() => {
            const doc = document.documentElement;
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('.matrix-wrap')) continue;
                const r = el.getBoundingClientRect();
                if (r.right > doc.clientWidth + 1 && wide.length < 5)
                    wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' '
                        + Math.round(r.right));
            }
            return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, title: document.title, wide: wide,
                    matrixScrolls: [...document.querySelectorAll('.matrix-wrap')]
                        .some(w => w.scrollWidth > w.clientWidth)};
        })()
        """

    /// Loads `url` in a fresh headless Chromium at `size` and measures it.
    static func measure(
        _ url: String, size: Size, scriptsOff: Bool = false, keepDOM: Bool = false, profile: URL
    ) throws -> LayoutProbe {
        let browser = try DevToolsBrowser(profile: profile)
        defer { browser.close() }
        let session = try browser.open(
            url, width: size.width, height: size.height, mobile: size.mobile, scriptsOff: scriptsOff)
        let value = try browser.evaluate(probe, session: session) as? [String: Any] ?? [:]
        let dom =
            keepDOM ? try browser.evaluate("document.documentElement.outerHTML", session: session) as? String : nil
        return LayoutProbe(
            scrollWidth: value["scrollWidth"] as? Int ?? Int.max, clientWidth: value["clientWidth"] as? Int ?? 0,
            title: value["title"] as? String ?? "", wide: value["wide"] as? [String] ?? [],
            matrixScrolls: value["matrixScrolls"] as? Bool ?? false, dom: dom)
    }

    /// Takes a PNG screenshot of `url` at `size` in a fresh headless Chromium.
    static func screenshot(_ url: String, size: Size, profile: URL) throws -> Data {
        let browser = try DevToolsBrowser(profile: profile)
        defer { browser.close() }
        let session = try browser.open(url, width: size.width, height: size.height, mobile: size.mobile)
        let shot = try browser.call("Page.captureScreenshot", ["format": "png"], session: session)
        return Data(base64Encoded: shot["data"] as? String ?? "") ?? Data()
    }

    /// The faults: the page scrolls sideways, or a script changed its title.
    var problems: [String] {
        var problems: [String] = []
        if scrollWidth > clientWidth {
            problems.append(
                "scrolls sideways: \(scrollWidth) px wide in a \(clientWidth) px viewport"
                    + " (\(wide.joined(separator: ", ")))"
            )
        }
        problems += PageAudit.titleProblems(title)
        return problems
    }
}
