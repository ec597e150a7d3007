/// An Authelia release line (major.minor): what decides which client keys are current,
/// deprecated or unknown.
public struct AutheliaVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Accepts `4.39`, `v4.39`, `4.39.20` (the patch is ignored).
    public init?(_ text: String) {
        var text = Substring(text.trimmingSpaces())
        if text.hasPrefix("v") { text = text.dropFirst() }
        let parts = text.split(separator: ".")
        guard parts.count >= 2, parts.count <= 3, let major = Int(parts[0]), let minor = Int(parts[1]),
              parts.allSatisfy({ Int($0) != nil }) else { return nil }
        self.init(major, minor)
    }

    /// The oldest release with OpenID Connect and the newest the schema knows.
    public static let oldestKnown = AutheliaVersion(4, 29)
    public static let newestKnown = AutheliaVersion(4, 39)
    /// Releases `--authelia-version` accepts.
    public static let known = (29...39).map { AutheliaVersion(4, $0) }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.major, lhs.minor) < (rhs.major, rhs.minor) }

    public var description: String { "\(major).\(minor)" }
}
