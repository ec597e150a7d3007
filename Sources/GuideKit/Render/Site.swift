/// One reader's site: the values that replace a guide's example assumptions.
public struct Site: Sendable {
    /// A value the site gives, with where it was written (for messages).
    public struct Value: Sendable {
        public var text: String
        public var location: SourceLocation
    }

    public enum SecretRequest: Sendable, Equatable {
        /// Generate a random secret (absent, or `generate`).
        case generate
        case given(String)
    }

    /// The site's name: its file name without extension; names the output folder.
    public var name: String
    public var file: String
    /// Values by normalized assumption label (`AssumptionKind.normalize`).
    public var values: [String: Value]
    public var secret: SecretRequest
    public var autheliaVersion: AutheliaVersion?

    public func value(for label: String) -> Value? {
        values[AssumptionKind.normalize(label)]
    }

    public func value(for kind: AssumptionKind) -> Value? {
        value(for: kind.rawValue)
    }
}

/// A site file that cannot be used, named with its place.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public var description: String {
        location.map { "\(file):\($0.line):\($0.column): \(message)" } ?? "\(file): \(message)"
    }
}
