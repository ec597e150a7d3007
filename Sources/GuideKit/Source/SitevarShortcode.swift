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
        // Most lines have no shortcode: a byte scan for "{{<" answers that before any string
        // search (YAML and JSON lines have braces, rarely this sequence).
        guard line.utf8.contains(subsequence: "{{<") else { return [] }
        var found: [(SitevarShortcode, Range<String.Index>)] = []
        let bytes = line.utf8
        var searchStart = bytes.startIndex
        while let open = bytes.firstIndex(ofBytes: Array("{{<".utf8), from: searchStart),
              let close = bytes.firstIndex(ofBytes: Array(">}}".utf8), from: bytes.index(open, offsetBy: 3)) {
            let end = bytes.index(close, offsetBy: 3)
            let inner = line[bytes.index(open, offsetBy: 3)..<close].trimmingSpaces()
            searchStart = end
            guard inner.hasPrefix("sitevar "), let name = parameter("name", in: inner) else { continue }
            let value = parameter("nojs", in: inner) ?? scriptDefaults[name] ?? ""
            let column = line.unicodeScalars.distance(from: line.startIndex, to: open) + 1
            let length = line.unicodeScalars.distance(from: open, to: end)
            let shortcode = SitevarShortcode(
                name: name, defaultValue: value,
                location: SourceLocation(line: lineNumber, column: column), length: length)
            found.append((shortcode, open..<end))
        }
        return found
    }

    /// Reads `key="value"` (or `key='value'`, or a bare word) from shortcode parameters.
    /// Works on UTF-8 bytes: every delimiter is ASCII.
    private static func parameter(_ key: String, in text: Substring) -> String? {
        let bytes = text.utf8
        let pattern = Array(key.utf8) + [UInt8(ascii: "=")]
        var index = bytes.startIndex
        var previous: UInt8 = UInt8(ascii: " ")
        while index < bytes.endIndex {
            if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t"),
               bytes[index...].starts(with: pattern) {
                let valueStart = bytes.index(index, offsetBy: pattern.count)
                guard valueStart < bytes.endIndex else { return "" }
                let quote = bytes[valueStart]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let body = bytes.index(after: valueStart)
                    guard let end = bytes[body...].firstIndex(of: quote) else { return nil }
                    return String(text[body..<end])
                }
                let end = bytes[valueStart...].firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? bytes.endIndex
                return String(text[valueStart..<end])
            }
            previous = bytes[index]
            index = bytes.index(after: index)
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
