import GuideChecks
import GuideDocument
import GuideKnowledge

/// The old → new text pairs derived from a guide's assumptions and a site: each assumption
/// value and the forms derived from it (a URL with and without trailing slash, its origin,
/// host:port and host). Applied only to whole tokens inside code: the Client ID `proxmox`
/// never touches `proxmox.example.com` or the product name "Proxmox".
package struct Replacements: Sendable {
    struct Pair: Sendable {
        var old: String
        var new: String
        /// URL prefixes may be followed by a path (`/`), query or fragment.
        var isURLPrefix: Bool
        /// Derived from a URL assumption (a URL, origin, host:port or host).
        var fromURL: Bool
    }

    /// Longest first, so a full URL wins over its host.
    private(set) var pairs: [Pair] = []
    /// The guide's example domain and the site's (`example.com` → `home.arpa`): any other host
    /// under the example domain (`ldap.example.com`) moves to the site's domain.
    var domain: (old: String, new: String)?

    /// Only the pairs derived from URL assumptions (URLs, origins, hosts) and the domain.
    var urlDerived: Replacements {
        var subset = Replacements()
        subset.pairs = pairs.filter(\.fromURL)
        subset.domain = domain
        return subset
    }

    /// Whether a percent escape (`%40`, an encoded `@`) ends right before `index`: in an
    /// encoded URL (`acct%3Auser%40example.com`) a token starts there.
    static func followsEscape(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 3 && scalars[index - 3] == "%" && scalars[index - 2].isASCIIHexDigit && scalars[index - 1].isASCIIHexDigit
    }

    /// At a token start: a host under the old domain, as (length of the host, its new form).
    private func domainHost(_ scalars: [Unicode.Scalar], at index: Int) -> (Int, String)? {
        guard let domain else { return nil }
        var end = index
        while end < scalars.count, scalars[end].isHostCharacter { end += 1 }
        // A sentence's full stop is not part of the host.
        while end > index, scalars[end - 1] == "." { end -= 1 }
        guard end > index, end == scalars.count || !Self.isTokenCharacter(scalars[end]) || scalars[end] == "." else { return nil }
        let host = String(scalars: scalars[index..<end]).lowercased()
        if host == domain.old { return (end - index, domain.new) }
        guard host.hasSuffix("." + domain.old) else { return nil }
        return (end - index, String(host.dropLast(domain.old.count)) + domain.new)
    }

    mutating func addURL(old: WebURL, new: WebURL) {
        let oldRoot = old.origin + old.normalizedPath
        let newRoot = new.origin + new.normalizedPath
        add(oldRoot, newRoot, urlPrefix: true, fromURL: true)
        if old.origin != oldRoot { add(old.origin, new.origin, urlPrefix: true, fromURL: true) }
        let oldHostPort = old.port.map { "\(old.host):\($0)" }
        let newHostPort = new.port.map { "\(new.host):\($0)" } ?? new.host
        if let oldHostPort { add(oldHostPort, newHostPort, fromURL: true) }
        // The same origin written with its default port (`https://app.example.com:443`).
        if old.port == nil {
            add("\(old.scheme)://\(old.host):\(old.effectivePort)", new.origin, urlPrefix: true, fromURL: true)
            add("\(old.host):\(old.effectivePort)", new.port == nil ? "\(new.host):\(new.effectivePort)" : newHostPort, fromURL: true)
        }
        add(old.host, new.host, fromURL: true)
    }

    mutating func add(_ old: String, _ new: String, urlPrefix: Bool = false, fromURL: Bool = false) {
        guard !old.isEmpty, old != new, !pairs.contains(where: { $0.old == old }) else { return }
        pairs.append(Pair(old: old, new: new, isURLPrefix: urlPrefix, fromURL: fromURL))
        pairs.sort { $0.old.unicodeScalars.count > $1.old.unicodeScalars.count }
    }

    /// Characters that continue an identifier or host name: a match next to one is part of a
    /// longer token and is left alone.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool { scalar.isUnreserved }

    /// Edits replacing whole-token occurrences in `text`, which starts at (`line`, `column`).
    func edits(in text: Substring, line: Int, column: Int) -> [TextEdit] {
        let scalars = Array(text.unicodeScalars)
        var edits: [TextEdit] = []
        var index = 0
        outer: while index < scalars.count {
            for pair in pairs {
                let old = Array(pair.old.unicodeScalars)
                guard index + old.count <= scalars.count, scalars[index..<(index + old.count)].elementsEqual(old) else { continue }
                let before = index > 0 ? scalars[index - 1] : nil
                let after = index + old.count < scalars.count ? scalars[index + old.count] : nil
                let startsToken = before.map { !Self.isTokenCharacter($0) } ?? true || Self.followsEscape(scalars, index)
                var endsToken = after.map { !Self.isTokenCharacter($0) } ?? true
                // A host followed by '.' then a non-token character ends a sentence, not a host.
                if let after, after == ".", index + old.count + 1 >= scalars.count || !Self.isTokenCharacter(scalars[index + old.count + 1]) {
                    endsToken = true
                }
                // `https://host:8443` is another origin than `https://host`: a URL followed by a
                // port is replaced only by a pair that includes that port (a bare host keeps
                // the port written after it: `auth.example.com:9091` is Authelia's own port).
                if pair.isURLPrefix || pair.new.containsLiteral(":"), after == ":", index + old.count + 1 < scalars.count,
                   scalars[index + old.count + 1].properties.numericType == .decimal {
                    continue
                }
                guard startsToken, endsToken else { continue }
                edits.append(TextEdit(line: line, column: column + index, length: old.count, replacement: pair.new))
                index += old.count
                continue outer
            }
            let startsToken = index == 0 || !Self.isTokenCharacter(scalars[index - 1]) || Self.followsEscape(scalars, index)
            if startsToken, let (length, host) = domainHost(scalars, at: index) {
                edits.append(TextEdit(line: line, column: column + index, length: length, replacement: host))
                index += length
                continue
            }
            index += 1
        }
        return edits
    }
}
