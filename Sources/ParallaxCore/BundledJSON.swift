import Foundation

/// Loads the JSON data files a target ships in its `Resources/` (one helper for every target's bundled lexicons).
public enum BundledJSON {
    /// Decodes `name.json` from `bundle`; a missing or invalid bundled file is a packaging error and stops the
    /// program with a message naming `target` and the file.
    public static func decode<T: Decodable>(_ type: T.Type, named name: String, in bundle: Bundle, target: String) -> T {
        guard let url = bundle.url(forResource: name, withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let value = try? JSONDecoder().decode(T.self, from: data)
        else { fatalError("\(target) resource \(name).json is missing or invalid") }
        return value
    }

    /// `name.json` from ParallaxCore's own resources.
    static func core<T: Decodable>(_ type: T.Type, named name: String) -> T {
        decode(type, named: name, in: .module, target: "ParallaxCore")
    }
}
