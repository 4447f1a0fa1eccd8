import Foundation

/// Where a PostgreSQL corpus lives, parsed from a `postgres://user[:password]@host[:port]/database` URL
/// (`postgresql://` too; `?sslmode=disable|prefer|require`).
///
/// ``description`` is the URL without its password: what errors and logs name.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL server rather than a file (`postgres://` or `postgresql://`).
    public static func isURL(_ text: String) -> Bool {
        let lower = text.prefix(13).lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a URL; `nil` when it is not a `postgres://` URL with a host and a database. Percent-escapes in the
    /// user, password and database are decoded. The user defaults to `postgres`, the port to 5432.
    public init?(url text: String) {
        guard Self.isURL(text), let components = URLComponents(string: text), let host = components.host,
            !host.isEmpty
        else { return nil }
        let path = components.percentEncodedPath.drop { $0 == "/" }
        guard !path.isEmpty, !path.contains("/"), let database = String(path).removingPercentEncoding else {
            return nil
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        self.database = database
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        switch mode {
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        default: return nil
        }
    }

    /// The same server with another database (e.g. the maintenance database `postgres`).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL without its password.
    public var description: String {
        var c = URLComponents()
        c.scheme = "postgres"
        c.user = username
        c.host = host.contains(":") ? "[\(host)]" : host
        c.port = port
        c.path = "/" + database
        if tls != .disable { c.queryItems = [URLQueryItem(name: "sslmode", value: tls.rawValue)] }
        return c.string ?? "postgres://\(username)@\(host):\(port)/\(database)"
    }

    /// `url` with its password (if any) left out: for messages about any text given as a URL, parsed or not.
    public static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://"), scheme.upperBound < at else {
            return url
        }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + String(url[at...])
    }
}
