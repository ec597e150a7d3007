/// A Hugo `{{< sitevar name="domain" nojs="example.com" >}}` shortcode, as the upstream Authelia
/// guides write site-specific values. Checking uses the `nojs` default, which is what a reader
/// without JavaScript sees.
public struct SitevarShortcode: Sendable, Equatable {
    public var name: String
    /// The text the shortcode stands for: its `nojs` parameter, else the site script's default.
    public var defaultValue: String
    /// Where the shortcode starts in the original file, and its length in Unicode scalars.
    public var location: SourceLocation
    public var length: Int

    /// Defaults the Authelia site script falls back to when a shortcode has no `nojs`.
    static let scriptDefaults = ["domain": "example.com", "subdomain-authelia": "auth"]

    /// Finds sitevar shortcodes in one line. Shortcodes never span lines in the corpus; one that
    /// does is left untouched (and then simply does not resolve).
    static func scan(_ line: Substring, lineNumber: Int) -> [(shortcode: SitevarShortcode, range: Range<String.Index>)] {
        // Most lines have no shortcode: a byte scan answers that before any string search.
        guard line.utf8.contains(UInt8(ascii: "{")) else { return [] }
        var found: [(SitevarShortcode, Range<String.Index>)] = []
        var searchStart = line.startIndex
        while let open = line[searchStart...].firstRange(of: "{{<"),
              let close = line[open.upperBound...].firstRange(of: ">}}") {
            let inner = line[open.upperBound..<close.lowerBound].trimmingSpaces()
            searchStart = close.upperBound
            guard inner.hasPrefix("sitevar "), let name = parameter("name", in: inner) else { continue }
            let value = parameter("nojs", in: inner) ?? scriptDefaults[name] ?? ""
            let column = line.unicodeScalars.distance(from: line.startIndex, to: open.lowerBound) + 1
            let length = line.unicodeScalars.distance(from: open.lowerBound, to: close.upperBound)
            let shortcode = SitevarShortcode(
                name: name, defaultValue: value,
                location: SourceLocation(line: lineNumber, column: column), length: length)
            found.append((shortcode, open.lowerBound..<close.upperBound))
        }
        return found
    }

    /// Reads `key="value"` (or `key='value'`) from shortcode parameters.
    private static func parameter(_ key: String, in text: Substring) -> String? {
        var rest = text[...]
        while let range = rest.range(of: key + "=") {
            let before = rest[..<range.lowerBound].last
            rest = rest[range.upperBound...]
            guard before == nil || before == " " || before == "\t" else { continue }
            guard let quote = rest.first, quote == "\"" || quote == "'" else {
                return String(rest.prefix { $0 != " " && $0 != "\t" })
            }
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: quote) else { return nil }
            return String(body[..<end])
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
