import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a rendered guide page decorates cmark's blocks, keyed by the line a block starts on in
/// the text given to `CMarkPageRenderer.render` (the same text the guide was parsed from).
public struct PageDecorations: Sendable {
    /// A code block's caption as HTML (escaped by the caller) and the language for its class
    /// attribute.
    public struct CodeBlock: Sendable {
        public var captionHTML: String?
        public var language: String?
        public init(captionHTML: String?, language: String?) {
            self.captionHTML = captionHTML
            self.language = language
        }
    }

    /// The `id` of the heading starting on each line (letters, digits and `-`).
    public var headingIDs: [Int: String]
    public var codeBlocks: [Int: CodeBlock]

    public init(headingIDs: [Int: String], codeBlocks: [Int: CodeBlock]) {
        self.headingIDs = headingIDs
        self.codeBlocks = codeBlocks
    }
}

/// A parsed cmark tree kept for rendering the page of the same parse; the C tree is freed
/// with the value, and its pointers never leave this module.
public final class CMarkTree {
    private let root: OpaquePointer
    private var rendered: String?

    init(root: OpaquePointer) { self.root = root }

    deinit { cmark_node_free(root) }

    /// The page's HTML (decorating edits the tree, so it is rendered once and kept).
    public func renderPage(_ decorations: PageDecorations) -> String {
        if let rendered { return rendered }
        let page = CMarkPageRenderer.render(root, decorations: decorations)
        rendered = page
        return page
    }
}

/// Renders a guide page by walking cmark's tree: raw HTML is replaced and dangerous link
/// targets emptied as cmark's safe mode does, a line that is only a Hugo shortcode is dropped,
/// each heading gets its anchor and each code block its figure (caption, copy button, a
/// language class cut to the language's own characters), all decided on the tree's nodes and
/// their source lines; cmark's own renderer writes the rest. Its safe mode cannot be used
/// once GuideKit's own HTML is in the tree, so the safety it gives is applied first, here.
enum CMarkPageRenderer {
    static func render(_ root: OpaquePointer, decorations: PageDecorations) -> String {
        var rawHTML: [OpaquePointer] = [], links: [OpaquePointer] = [], texts: [OpaquePointer] = []
        var headings: [OpaquePointer] = [], codeBlocks: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_TEXT: texts.append(node)
                case CMARK_NODE_HEADING: headings.append(node)
                case CMARK_NODE_CODE_BLOCK: codeBlocks.append(node)
                default: break
                }
            }
        }
        // cmark's safe mode, applied to the tree: raw HTML becomes a comment, and a link or
        // image target with a dangerous scheme becomes empty.
        for node in rawHTML { cmark_node_set_literal(node, "<!-- raw HTML omitted -->") }
        for node in links {
            if let url = cmark_node_get_url(node).map({ String(cString: $0) }), isDangerous(url) { cmark_node_set_url(node, "") }
        }
        dropShortcodeLines(texts)
        for node in headings {
            let line = Int(cmark_node_get_start_line(node))
            guard let id = decorations.headingIDs[line], let rendered = html(of: node) else { continue }
            let level = cmark_node_get_heading_level(node)
            // cmark writes a heading as <hN>…</hN> and a line feed: its content between.
            let open = "<h\(level)>", close = "</h\(level)>\n"
            guard rendered.hasPrefix(open), rendered.hasSuffix(close) else { continue }
            let inner = rendered.dropFirst(open.count).dropLast(close.count)
            replace(node, with: "<h\(level) id=\"\(id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })\">\(inner)</h\(level)>")
        }
        for node in codeBlocks {
            let line = Int(cmark_node_get_start_line(node))
            guard let decoration = decorations.codeBlocks[line] else { continue }
            // cmark writes the block itself, escaped, once its class is the language alone.
            let language = (decoration.language ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "+" }
            cmark_node_set_fence_info(node, language)
            guard let pre = html(of: node) else { continue }
            let caption = decoration.captionHTML.map { "<figcaption>\($0)</figcaption>" } ?? ""
            replace(node, with: "<figure class=\"code\">\(caption)<button class=\"copy\" type=\"button\">Copy</button>\(pre.hasSuffix("\n") ? String(pre.dropLast()) : pre)</figure>")
        }
        guard let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// One node as cmark renders it.
    private static func html(of node: OpaquePointer) -> String? {
        guard let rendered = cmark_render_html(node, CMARK_OPT_UNSAFE) else { return nil }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Puts an HTML block holding `html` where `node` was.
    private static func replace(_ node: OpaquePointer, with html: String) {
        guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Hugo shortcodes other than `sitevar` mean nothing outside Hugo: a paragraph line made of
    /// nothing but one (`{{< callout >}}`) is dropped with its line break, and a paragraph
    /// left empty goes with it. Code is kept as written (code nodes are not text nodes).
    private static func dropShortcodeLines(_ texts: [OpaquePointer]) {
        var seen = Set<OpaquePointer>()
        for first in texts where !seen.contains(first) {
            // The run of text nodes on one line of a paragraph (cmark may split a line's text).
            guard let parent = cmark_node_parent(first), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH else { continue }
            let before = cmark_node_previous(first)
            guard before == nil || cmark_node_get_type(before) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(before) == CMARK_NODE_LINEBREAK else { continue }
            var run: [OpaquePointer] = []
            var node: OpaquePointer? = first
            var line = ""
            while let current = node, cmark_node_get_type(current) == CMARK_NODE_TEXT {
                run.append(current)
                seen.insert(current)
                line += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                node = cmark_node_next(current)
            }
            let next = node
            guard next == nil || cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(next) == CMARK_NODE_LINEBREAK else { continue }
            let trimmed = line.trimmingBlanks()
            guard (trimmed.hasPrefix("{{<") && trimmed.hasSuffix(">}}")) || (trimmed.hasPrefix("{{%") && trimmed.hasSuffix("%}}")) else { continue }
            for text in run { cmark_node_unlink(text); cmark_node_free(text) }
            if let next { cmark_node_unlink(next); cmark_node_free(next) } else if let before { cmark_node_unlink(before); cmark_node_free(before) }
            if cmark_node_first_child(parent) == nil { cmark_node_unlink(parent); cmark_node_free(parent) }
        }
    }

    /// cmark's `_scan_dangerous_url`: javascript:, vbscript:, file: and data: (but for
    /// data:image/png, gif, jpeg and webp), case-insensitively.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
        guard lower.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
    }
}

private extension String {
    /// Without leading and trailing spaces and tabs (this module has no Foundation).
    func trimmingBlanks() -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return self[first...last]
    }
}
