import Foundation

/// Loads a JSON data file shipped in ParallaxIngest's `Resources/`.
enum BundledResource {
    /// Decodes `name.json`; a missing or invalid bundled file is a packaging error and stops the program.
    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        BundledJSON.decode(type, named: name, in: .module, target: "ParallaxIngest")
    }
}
