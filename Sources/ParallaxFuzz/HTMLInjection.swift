/// Finds article text that became live markup in an HTML report: a `<script>` element whose body calls the marker,
/// an event-handler attribute (`on...`) whose value calls it, or a `javascript:` URL that does. Tags are read with
/// their quoted attribute values, so escaped text inside a value (`title="&lt;script&gt;marker"`) is not a finding.
enum HTMLInjection {
    /// A short description of the first injection found, or `nil`.
    static func find(in html: String, marker: String) -> String? {
        let chars = Array(html.unicodeScalars)
        var i = 0
        while i < chars.count {
            guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].properties.isAlphabetic else {
                i += 1
                continue
            }
            var j = i + 1
            var name = ""
            while j < chars.count, chars[j].properties.isAlphabetic || ("0"..."9").contains(chars[j]) {
                name.unicodeScalars.append(chars[j])
                j += 1
            }
            name = name.lowercased()
            // Attributes up to the closing ">".
            while j < chars.count, chars[j] != ">" {
                while j < chars.count, chars[j].properties.isWhitespace || chars[j] == "/" { j += 1 }
                var attribute = ""
                while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != "=", chars[j] != ">" {
                    attribute.unicodeScalars.append(chars[j])
                    j += 1
                }
                var value = ""
                if j < chars.count, chars[j] == "=" {
                    j += 1
                    if j < chars.count, chars[j] == "\"" || chars[j] == "'" {
                        let quote = chars[j]
                        j += 1
                        while j < chars.count, chars[j] != quote {
                            value.unicodeScalars.append(chars[j])
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != ">" {
                            value.unicodeScalars.append(chars[j])
                            j += 1
                        }
                    }
                }
                let attr = attribute.lowercased()
                if value.contains(marker), attr.hasPrefix("on") { return "<\(name) \(attr)=...>" }
                if value.contains(marker), value.lowercased().hasPrefix("javascript:") { return "<\(name) \(attr)=javascript:...>" }
                if attribute.isEmpty, value.isEmpty, j < chars.count, chars[j] != ">" { j += 1 }
            }
            if name == "script" {
                // The script body: everything up to "</script".
                var body = ""
                var k = j + 1
                while k < chars.count, !(chars[k] == "<" && k + 1 < chars.count && chars[k + 1] == "/") {
                    body.unicodeScalars.append(chars[k])
                    k += 1
                }
                if body.contains(marker) { return "<script> calling the marker" }
            }
            i = max(j, i + 1)
        }
        return nil
    }
}
