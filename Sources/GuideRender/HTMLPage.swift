import CMarkBridge
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// A rendered guide as one standalone HTML page: cmark's HTML inside templates/guide.html,
/// with heading anchors, a table of contents, and code blocks with their title and a copy
/// button.
///
/// Safety: cmark runs in safe mode (raw HTML dropped) and escapes attribute text; the
/// language class is then cut to the language's own characters, so `yaml{title="x"}` never
/// reaches an attribute;
/// every text GuideKit adds itself (title, site, captions, anchors) is HTML-escaped.
public struct HTMLPage: Sendable {
    public var template: String

    public init(template: String) {
        self.template = template
    }

    /// The page for a parsed guide. The body is cmark's HTML of the guide's own parse
    /// (`GuideParser.parse(…, html: true)`), so a rendered guide is parsed once for both the
    /// re-check and the page.
    public func render(guide: Guide, siteName: String) -> String {
        let html = guide.html ?? CMarkParser.parse(guide.source.resolvedText, html: true).html ?? ""
        var body = decorate(Self.removingShortcodeLines(html), guide: guide)
        let title = guide.title ?? guide.headings.first?.text ?? "Guide"
        // Upstream guides take their title from the front matter and start at level 2: the
        // page still gets the title as its heading.
        if !guide.headings.contains(where: { $0.level == 1 }) {
            body = "<h1>\(Self.escape(title))</h1>\n" + body
        }
        return template
            .replacingOccurrences(of: "{{title}}", with: Self.escape(title))
            .replacingOccurrences(of: "{{site}}", with: Self.escape(siteName))
            .replacingOccurrences(of: "{{toc}}", with: tableOfContents(guide))
            .replacingOccurrences(of: "{{content}}", with: body)
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

    /// Hugo shortcodes other than `sitevar` (`{{< callout >}}`, `{{% ref %}}`) mean nothing
    /// outside Hugo: a text line that is only a shortcode is dropped (code blocks are kept as
    /// written), and a paragraph left empty goes with it.
    static func removingShortcodeLines(_ html: String) -> String {
        var output: [Substring] = []
        var inPre = false
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            let opensPre = line.containsLiteral("<pre")
            if !inPre && !opensPre {
                var inner = line.trimmingSpaces()
                let opens = inner.hasPrefix("<p>"), closes = inner.hasSuffix("</p>")
                if opens { inner = inner.dropFirst(3) }
                if closes { inner = inner.dropLast(4) }
                let text = inner.trimmingSpaces()
                if (text.hasPrefix("{{&lt;") && text.hasSuffix("&gt;}}")) || (text.hasPrefix("{{%") && text.hasSuffix("%}}")) {
                    if opens && !closes { output.append("<p>") } else if closes && !opens { output.append("</p>") }
                    continue
                }
            }
            if opensPre { inPre = true }
            if line.containsLiteral("</pre>") { inPre = false }
            output.append(line)
        }
        return output.joined(separator: "\n").replacingOccurrences(of: "<p>\n</p>\n", with: "")
    }

    /// Adds heading anchors and wraps code blocks, walking cmark's output in document order.
    func decorate(_ html: String, guide: Guide) -> String {
        var output = ""
        var rest = Substring(html)
        var headingIndex = 0
        var blockIndex = 0
        let anchors = Self.anchors(for: guide.headings)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("<pre>"), let end = rest.literalRange(of: "</pre>") {
                let block = blockIndex < guide.codeBlocks.count ? guide.codeBlocks[blockIndex] : nil
                blockIndex += 1
                let caption = block?.title.map { "<figcaption>\(Self.escape($0))</figcaption>" } ?? ""
                output += "<figure class=\"code\">\(caption)<button class=\"copy\" type=\"button\">Copy</button>"
                output += Self.languageClassReduced(rest[..<end.upperBound], block: block) + "</figure>"
                rest = rest[end.upperBound...]
            } else if rest.count > 3, rest.hasPrefix("<h"), let level = rest.dropFirst(2).first, ("1"..."6").contains(level),
                      rest.dropFirst(3).first == ">" {
                let anchor = headingIndex < anchors.count ? anchors[headingIndex] : "section-\(headingIndex + 1)"
                headingIndex += 1
                output += "<h\(level) id=\"\(anchor)\">"
                rest = rest.dropFirst(4)
            } else {
                output += "<"
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    /// cmark names the language class after the info string's first word, which may carry
    /// attributes (`yaml{title="x"}`); only the language's own characters are kept.
    static func languageClassReduced(_ pre: Substring, block: CodeBlock?) -> String {
        guard pre.hasPrefix("<pre><code class=\""), let close = pre.dropFirst(18).firstIndex(of: "\"") else { return String(pre) }
        let language = (block?.info.language ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "+" }
        let open = language.isEmpty ? "<pre><code" : "<pre><code class=\"language-\(language)\""
        return open + pre[pre.index(after: close)...]
    }

    func tableOfContents(_ guide: Guide) -> String {
        let anchors = Self.anchors(for: guide.headings)
        let items = zip(guide.headings, anchors).filter { $0.0.level == 2 || $0.0.level == 3 }.map { heading, anchor in
            "<li class=\"level-\(heading.level)\"><a href=\"#\(anchor)\">\(Self.escape(heading.text))</a></li>"
        }
        return items.isEmpty ? "" : "<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    /// Unique, URL-safe anchors derived from heading text.
    static func anchors(for headings: [Heading]) -> [String] {
        var used: [String: Int] = [:]
        return headings.map { heading in
            var slug = ""
            for scalar in heading.text.lowercased().unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { slug.unicodeScalars.append(scalar) } else if !slug.hasSuffix("-") { slug += "-" }
            }
            slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
            if slug.isEmpty { slug = "section" }
            let count = used[slug, default: 0]
            used[slug] = count + 1
            return count == 0 ? slug : "\(slug)-\(count + 1)"
        }
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

}
