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
        // Most lines have no shortcode: one byte search answers that (YAML and JSON lines have
        // braces, rarely this sequence).
        guard var open = line.literalRange(of: "{{<") else { return [] }
        var found: [(shortcode: SitevarShortcode, range: Range<String.Index>)] = []
        // Columns count Unicode scalars; counted on from the previous shortcode, not from the
        // line's start each time.
        var counted = (index: line.startIndex, column: 1)
        func column(at index: String.Index) -> Int {
            counted.column += line.scalarDistance(from: counted.index, to: index)
            counted.index = index
            return counted.column
        }
        while let close = line[open.upperBound...].literalRange(of: ">}}") {
            let inner = line[open.upperBound..<close.lowerBound].trimmingSpaces()
            if inner.utf8.starts(with: "sitevar ".utf8), let name = parameter("name", in: inner) {
                let value = parameter("nojs", in: inner) ?? scriptDefaults[name] ?? ""
                let start = column(at: open.lowerBound)
                let length = column(at: close.upperBound) - start
                let shortcode = SitevarShortcode(
                    name: name, defaultValue: value,
                    location: SourceLocation(line: lineNumber, column: start), length: length)
                found.append((shortcode, open.lowerBound..<close.upperBound))
            }
            guard let next = line[close.upperBound...].literalRange(of: "{{<") else { break }
            open = next
        }
        return found
    }

    /// Reads `key="value"` (or `key='value'`, or a bare word) from shortcode parameters: the
    /// first `key=` that starts a word. Every delimiter is ASCII, so byte positions are safe.
    private static func parameter(_ key: String, in text: Substring) -> String? {
        let pattern = key + "="
        var searchStart = text.startIndex
        while let match = text[searchStart...].literalRange(of: pattern) {
            searchStart = match.upperBound
            if match.lowerBound > text.startIndex {
                let before = text.utf8[text.utf8.index(before: match.lowerBound)]
                guard before == UInt8(ascii: " ") || before == UInt8(ascii: "\t") else { continue }
            }
            let bytes = text.utf8
            let valueStart = match.upperBound
            guard valueStart < text.endIndex else { return "" }
            let quote = bytes[valueStart]
            // `key=\"value\"`: a shortcode inside a YAML double-quoted string escapes its
            // quotes; the value is still what is between them.
            if quote == UInt8(ascii: "\\"), bytes.index(after: valueStart) < bytes.endIndex,
               bytes[bytes.index(after: valueStart)] == UInt8(ascii: "\"") {
                let body = bytes.index(valueStart, offsetBy: 2)
                var index = body
                while index < bytes.endIndex {
                    if bytes[index] == UInt8(ascii: "\\"), bytes.index(after: index) < bytes.endIndex,
                       bytes[bytes.index(after: index)] == UInt8(ascii: "\"") {
                        return String(text[body..<index])
                    }
                    index = bytes.index(after: index)
                }
                return nil
            }
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let body = bytes.index(after: valueStart)
                guard let end = bytes[body...].firstIndex(of: quote) else { return nil }
                return String(text[body..<end])
            }
            let end = bytes[valueStart...].firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? bytes.endIndex
            return String(text[valueStart..<end])
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    /// Works on UTF-8 bytes (all four are ASCII, so the cut is on a scalar boundary): this runs
    /// on nearly every line a reader looks at, and grapheme breaking was a visible cost.
    package func trimmingSpaces() -> SubSequence {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        let bytes = utf8
        // Contiguous text (nearly all): from both ends inward, so only the spaces are visited.
        let offsets: (Int, Int)? = bytes.withContiguousStorageIfAvailable { buffer in
            var start = 0, end = buffer.count
            while start < end, isSpace(buffer[start]) { start += 1 }
            while end > start, isSpace(buffer[end - 1]) { end -= 1 }
            return (start, end)
        }
        if let (start, end) = offsets {
            let from = bytes.index(bytes.startIndex, offsetBy: start)
            return self[from..<bytes.index(from, offsetBy: end - start)]
        }
        var first: String.Index?
        var last = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if !isSpace(bytes[index]) {
                if first == nil { first = index }
                last = index
            }
            index = bytes.index(after: index)
        }
        guard let first else { return self[endIndex...] }
        return self[first..<bytes.index(after: last)]
    }
}
