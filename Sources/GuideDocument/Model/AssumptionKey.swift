/// The one identity of an assumption, and of the site value that replaces it: a label normalized so that every spelling of it
/// is the same key — `Client ID`, `client_id`, `client-id:` and `Client ID (Grafana)` are all
/// `client id`. Site files, assumptions and substitution plans look values up by it.
public struct AssumptionKey: Hashable, Sendable, CustomStringConvertible {
    /// Lower-case words separated by single spaces.
    public let normalized: String

    public init(_ label: String) {
        normalized = AssumptionKind.normalize(label)
    }

    public init(_ kind: AssumptionKind) {
        self.init(kind.rawValue)
    }

    /// The assumption GuideKit understands under this key, if any (`Client ID` → `.clientID`):
    /// a kind and its key are one identity, each convertible into the other.
    public var kind: AssumptionKind? { AssumptionKind(label: normalized) }

    /// How a site file writes the key: `client_id`.
    public var snakeCase: String { normalized.replacingOccurrences(of: " ", with: "_") }

    public var description: String { snakeCase }
}
