/// One line of an upstream guide as Hugo would show it to a reader whose site differs from the
/// example in every site variable: the "canary" site. Whatever still reads `example.com` or
/// `auth.` there was typed, not derived from the variables, and is wrong for every reader but
/// the default one. Lines are rendered one at a time (shortcodes never span lines), with a map
/// from each rendered position back to the original column, so findings point at the source.
package struct CanaryLine {
    /// The canary site's values; a variable without one keeps its default (`client-id`).
    /// Both differ from every default and from each other, so a leak cannot hide behind a
    /// coincidence (`.test` is reserved, RFC 2606).
    static let values = ["domain": "canary-site.test", "subdomain-authelia": "login"]

    /// A replaced shortcode: where its value sits in the rendered line, and where the
    /// shortcode sat in the original (0-based scalar offsets).
    package struct Span {
        package var rendered: Range<Int>
        package var original: Range<Int>
        package var shortcode: SitevarShortcode
    }

    package let scalars: [Unicode.Scalar]
    package let spans: [Span]

    init(_ line: Substring, lineNumber: Int) {
        self.init(line, shortcodes: SitevarShortcode.scan(line, lineNumber: lineNumber))
    }

    /// The same, from the line's shortcodes as `SitevarShortcode.scan` found them (a caller
    /// that scanned the line already does not scan it twice).
    package init(_ line: Substring, shortcodes: [(shortcode: SitevarShortcode, range: Range<String.Index>)]) {
        var scalars: [Unicode.Scalar] = []
        var spans: [Span] = []
        var cursor = line.startIndex
        var originalOffset = 0
        for (shortcode, range) in shortcodes {
            let before = line.unicodeScalars[cursor..<range.lowerBound]
            scalars += before
            originalOffset += before.count
            let value = Self.values[shortcode.name] ?? shortcode.defaultValue
            let start = scalars.count
            scalars += value.unicodeScalars
            spans.append(Span(rendered: start..<scalars.count, original: originalOffset..<(originalOffset + shortcode.length),
                              shortcode: shortcode))
            originalOffset += shortcode.length
            cursor = range.upperBound
        }
        scalars += line.unicodeScalars[cursor...]
        self.scalars = scalars
        self.spans = spans
    }

    /// The original 1-based column of a rendered offset: inside a replaced value, the
    /// shortcode's first column; elsewhere shifted by the length differences before it.
    package func originalColumn(_ offset: Int) -> Int {
        var shift = 0
        for span in spans {
            if offset < span.rendered.lowerBound { break }
            if offset < span.rendered.upperBound { return span.original.lowerBound + 1 }
            shift = span.original.upperBound - span.rendered.upperBound
        }
        return offset + shift + 1
    }

    /// Whether the rendered range was typed in the guide (overlaps no replaced value).
    package func isTyped(_ range: Range<Int>) -> Bool {
        !spans.contains { $0.rendered.overlaps(range) }
    }

    package var text: String { String(scalars: scalars) }
}
