import CMarkBridge
import Foundation

/// A rendered guide as one standalone HTML page: cmark's HTML inside templates/guide.html,
/// with heading anchors, a table of contents, and code blocks with their title and a copy
/// button.
///
/// Safety: cmark runs in safe mode (raw HTML dropped); before it runs, each fence's info
/// string is cut to its first word, so `yaml{title="x"}` can never reach an attribute;
/// every text GuideKit adds itself (title, site, captions, anchors) is HTML-escaped.
public struct HTMLPage: Sendable {
    public var template: String

    public init(template: String) {
        self.template = template
    }

    public func render(markdown: String, guide: Guide, siteName: String) -> String {
        let body = decorate(CMarkParser.renderHTML(prepare(markdown, guide: guide)), guide: guide)
        let title = guide.title ?? guide.headings.first?.text ?? "Guide"
        return template
            .replacingOccurrences(of: "{{title}}", with: Self.escape(title))
            .replacingOccurrences(of: "{{site}}", with: Self.escape(siteName))
            .replacingOccurrences(of: "{{toc}}", with: tableOfContents(guide))
            .replacingOccurrences(of: "{{content}}", with: body)
    }

    /// Markdown for cmark: front matter and Hugo shortcode lines dropped, info strings reduced
    /// to the language.
    func prepare(_ markdown: String, guide: Guide) -> String {
        var lines = markdown.lines().map(String.init)
        if let frontMatter = guide.source.frontMatter {
            for index in 0..<min(frontMatter.closingLine, lines.count) { lines[index] = "" }
        }
        var inCode = Set<Int>()
        for block in guide.codeBlocks {
            let end = block.contentFirstLine + block.content.lines().count - 1
            for line in block.location.line...max(block.location.line, end) { inCode.insert(line) }
            guard block.isFenced, block.location.line <= lines.count else { continue }
            let index = block.location.line - 1
            let scalars = Array(lines[index].unicodeScalars)
            var fenceEnd = block.location.column - 1
            let fence = fenceEnd < scalars.count ? scalars[fenceEnd] : "`"
            while fenceEnd < scalars.count, scalars[fenceEnd] == fence { fenceEnd += 1 }
            let language = (block.info.language ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "+" }
            lines[index] = String(String.UnicodeScalarView(scalars[..<fenceEnd])) + language
        }
        for index in lines.indices where !inCode.contains(index + 1) {
            let trimmed = lines[index].trimmingSpaces()
            if (trimmed.hasPrefix("{{<") && trimmed.hasSuffix(">}}")) || (trimmed.hasPrefix("{{%") && trimmed.hasSuffix("%}}")) {
                lines[index] = ""
            }
        }
        return lines.joined(separator: "\n")
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
            if rest.hasPrefix("<pre>"), let end = rest.range(of: "</pre>") {
                let block = blockIndex < guide.codeBlocks.count ? guide.codeBlocks[blockIndex] : nil
                blockIndex += 1
                let caption = block?.title.map { "<figcaption>\(Self.escape($0))</figcaption>" } ?? ""
                output += "<figure class=\"code\">\(caption)<button class=\"copy\" type=\"button\">Copy</button>"
                output += rest[..<end.upperBound] + "</figure>"
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
