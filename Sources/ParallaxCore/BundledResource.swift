import Foundation

/// Loads a JSON data file shipped in ParallaxCore's `Resources/`.
enum BundledResource {
    /// Decodes `name.json`; a missing or invalid bundled file is a packaging error and stops the program.
    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let value = try? JSONDecoder().decode(T.self, from: data)
        else { fatalError("ParallaxCore resource \(name).json is missing or invalid") }
        return value
    }
}
