import Foundation

/// An absolute http(s) URL split into the parts GuideKit compares.
public struct WebURL: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String  // lower-cased
    public var host: String  // lower-cased
    public var port: Int?  // as written; nil when absent
    public var path: String  // as written; may be "" or end in "/"
    public var text: String

    public init?(_ text: String) {
        let trimmed = String(text.trimmingSpaces())
        // Cheap refusals first (most values tried as URLs are not URLs); the last condition
        // below requires "://" anyway.
        guard trimmed.containsLiteral("://"), !trimmed.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }),
              let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              trimmed.lowercased().hasPrefix(scheme + "://")
        else { return nil }
        self.scheme = scheme
        // The host as written: Foundation's `host` turns an IDNA host ('xn--…') into Unicode,
        // which is neither what the application sends nor safe to show (look-alike hosts).
        self.host = Self.writtenHost(trimmed) ?? host.lowercased()
        self.port = components.port
        self.path = components.percentEncodedPath
        self.text = trimmed
    }

    /// The host between `://` (and any `user@`) and the port, path, query or fragment.
    private static func writtenHost(_ text: String) -> String? {
        // Every delimiter is ASCII, so the search runs on UTF-8 bytes.
        guard let start = text.literalRange(of: "://")?.upperBound else { return nil }
        let bytes = text.utf8
        let rest = bytes[start...]
        let authority = rest[..<(rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex)]
        let hostAndPort = authority[(authority.lastIndex(of: UInt8(ascii: "@")).map(bytes.index(after:)) ?? authority.startIndex)...]
        // An IPv6 literal keeps its brackets and colons.
        if hostAndPort.first == UInt8(ascii: "["), let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")) {
            return String(text[hostAndPort.startIndex...close]).lowercased()
        }
        let end = hostAndPort.lastIndex(of: UInt8(ascii: ":")) ?? hostAndPort.endIndex
        return hostAndPort.startIndex == end ? nil : text[hostAndPort.startIndex..<end].lowercased()
    }

    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// `scheme://host[:port]` with the default port dropped: what a browser calls the origin.
    public var origin: String {
        let portPart = port.map { $0 == (scheme == "https" ? 443 : 80) ? "" : ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(portPart)"
    }

    /// Same scheme, host and (effective) port.
    public func hasSameOrigin(as other: WebURL) -> Bool {
        scheme == other.scheme && host == other.host && effectivePort == other.effectivePort
    }

    /// The path without trailing slashes: `""`, `/` and `//` are all the root.
    public var normalizedPath: String {
        var path = self.path
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// True when `self` lies at or below `base`: same origin, and `base`'s path is a prefix of
    /// ours at a segment boundary. Trailing slashes never matter (see docs/FORMAT.md).
    public func isWithin(_ base: WebURL) -> Bool {
        guard hasSameOrigin(as: base) else { return false }
        let basePath = base.normalizedPath
        let path = normalizedPath
        return basePath.isEmpty || path == basePath || path.hasPrefix(basePath + "/")
    }

    /// Equal except for trailing slashes on the path (and case of scheme and host).
    public func isEquivalent(to other: WebURL) -> Bool {
        hasSameOrigin(as: other) && normalizedPath == other.normalizedPath
    }

    /// `localhost`, `*.localhost` and loopback IP literals: the hosts of native and CLI
    /// callbacks, and the only ones Authelia redirects to over plain http.
    /// An IP literal counts only when it parses as one (`127.attacker.example` is a name, not
    /// 127.0.0.0/8), as Go's `net.ParseIP(host).IsLoopback()` decides it for Authelia.
    public static func isLoopbackHost(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return false }
        return withUnsafeBytes(of: &v6) { bytes in
            // ::1, or an IPv4-mapped loopback (::ffff:127.x.y.z), as Go's IsLoopback counts it.
            (bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1)
                || (bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127)
        }
    }

    public var isLoopback: Bool { Self.isLoopbackHost(host) }

    /// Whether two texts are the same URL but for trailing slashes and the case of scheme and
    /// host: a near miss where Authelia, comparing exactly, would see two different URIs.
    public static func areEquivalent(_ a: String, _ b: String) -> Bool {
        guard let first = WebURL(a), let second = WebURL(b) else { return false }
        return first.isEquivalent(to: second)
    }

    public var description: String { text }
}
