import CMarkBridge
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// A rendered guide as one standalone HTML page inside templates/guide.html, with a table of
/// contents. The body is the page of the guide's own parse (`Guide.html`): cmark's tree walked
/// by `CMarkPageRenderer`, which anchors headings, wraps code blocks (caption, copy button, a
/// language class cut to the language's own characters) and drops shortcode-only lines.
///
/// Safety: raw HTML is replaced and dangerous link targets emptied as cmark's safe mode does
/// (`CMarkPageRenderer`); every text GuideKit adds itself (title, site, captions, anchors) is
/// HTML-escaped.
public struct HTMLPage: Sendable {
    public var template: String

    public init(template: String) {
        self.template = template
    }

    /// The page for a parsed guide. The body is cmark's HTML of the guide's own parse
    /// (`GuideParser.parse(…, html: true)`), so a rendered guide is parsed once for both the
    /// re-check and the page.
    public func render(guide: Guide, siteName: String) -> String {
        var body = guide.html ?? GuideParser.parse(path: guide.path, text: guide.source.originalText, html: true).html ?? ""
        let title = guide.title ?? guide.headings.first?.text ?? "Guide"
        // Upstream guides take their title from the front matter and start at level 2: the
        // page still gets the title as its heading.
        if !guide.headings.contains(where: { $0.level == 1 }) {
            body = "<h1>\(Self.escape(title))</h1>\n" + body
        }
        return Self.fill(template, with: [
            "title": Self.escape(title), "site": Self.escape(siteName), "toc": tableOfContents(guide), "content": body,
        ])
    }

    /// The template with each `{{name}}` placeholder replaced, in one pass over the template
    /// only: a value is never searched again, so a guide whose title or heading says
    /// `{{content}}` is shown as text, not expanded into another copy of the page.
    static func fill(_ template: String, with values: [String: String]) -> String {
        var output = ""
        output.reserveCapacity(template.utf8.count + values.values.reduce(0) { $0 + $1.utf8.count })
        var rest = template[...]
        while let open = rest.literalRange(of: "{{") {
            output += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let close = after.literalRange(of: "}}"), let value = values[String(after[..<close.lowerBound])] {
                output += value
                rest = after[close.upperBound...]
            } else {
                output += "{{"
                rest = after
            }
        }
        return output + rest
    }

    /// Each secret value in the page's text shown masked (`••••••••`) in a span holding the
    /// value: the page's script reveals it on a click, and the copy button copies the real
    /// value. The file itself is private (0600); the mask keeps it off a screen-share.
    static func maskingSecrets(_ html: String, _ secrets: Set<String>) -> String {
        var page = html
        // Longest first, so a secret that contains another is wrapped whole.
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 8 {
            let escaped = escape(secret)
            page = page.replacingOccurrences(of: escaped, with: "\u{0}\(escaped)\u{1}")
        }
        guard page.containsLiteral("\u{0}") else { return html }
        var result = ""
        var rest = page[...]
        while let start = rest.firstIndex(of: "\u{0}"), let end = rest[start...].firstIndex(of: "\u{1}") {
            result += rest[..<start]
            let value = rest[rest.index(after: start)..<end]
            result += "<span class=\"secret\" data-secret=\"\(value)\" title=\"Secret: click to show or hide\">\(String(repeating: "•", count: 12))</span>"
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    func tableOfContents(_ guide: Guide) -> String {
        let anchors = Heading.anchors(for: guide.headings)
        let items = zip(guide.headings, anchors).filter { $0.0.level == 2 || $0.0.level == 3 }.map { heading, anchor in
            "<li class=\"level-\(heading.level)\"><a href=\"#\(anchor)\">\(Self.escape(heading.text))</a></li>"
        }
        return items.isEmpty ? "" : "<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

}
