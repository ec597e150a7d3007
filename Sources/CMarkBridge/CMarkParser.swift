import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The boundary with the C library: every cmark pointer is created, read and freed here.
///
/// cmark's nodes are `OpaquePointer`s that are neither Sendable nor safe to keep, so the whole
/// tree is copied into `MarkdownDocument` values before the C document is freed.
public enum CMarkParser {
    /// Parses `text` with source positions. cmark accepts any byte sequence, so this never fails.
    public static func parse(_ text: String) -> MarkdownDocument {
        parse(text, keepingTree: false).document
    }

    /// Parses once and, when asked, keeps that same tree for the page (`CMarkTree.renderPage`):
    /// `render` needs the values for the re-check and the HTML of the very same parse.
    public static func parse(_ text: String, keepingTree: Bool) -> (document: MarkdownDocument, tree: CMarkTree?) {
        var text = text
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return (MarkdownDocument(nodes: []), nil) }
        let document = MarkdownDocument(nodes: flatten(root))
        guard keepingTree else {
            cmark_node_free(root)
            return (document, nil)
        }
        return (document, CMarkTree(root: root))
    }

    /// Renders Markdown to HTML with cmark's own renderer. Raw HTML in the input is
    /// replaced by a comment (`CMARK_OPT_SAFE` is the default in 0.30; we ask for it anyway).
    public static func renderHTML(_ text: String) -> String {
        var text = text
        let html: UnsafeMutablePointer<CChar>? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_SAFE)
            }
        }
        guard let html else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Walks the C tree with cmark's own iterator (no recursion) and records nodes in pre-order.
    private static func flatten(_ root: OpaquePointer) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var open: [Int] = []  // indices of nodes whose subtree is still being read
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                nodes.append(makeNode(node, depth: open.count, parent: open.last))
                if isContainer(node) {
                    open.append(nodes.count - 1)
                } else {
                    nodes[nodes.count - 1].subtreeEnd = nodes.count
                }
            } else if event == CMARK_EVENT_EXIT, let index = open.popLast() {
                nodes[index].subtreeEnd = nodes.count
            }
        }
        return nodes
    }

    private static func isContainer(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
             CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
             CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            return true
        default:
            return false
        }
    }

    private static func makeNode(_ node: OpaquePointer, depth: Int, parent: Int?) -> MarkdownNode {
        let type = cmark_node_get_type(node)
        return MarkdownNode(
            kind: kind(of: node, type: type),
            literal: hasLiteral(type) ? string(cmark_node_get_literal(node)) : nil,
            fenceInfo: type == CMARK_NODE_CODE_BLOCK ? string(cmark_node_get_fence_info(node)) : nil,
            startLine: Int(cmark_node_get_start_line(node)),
            startByteColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endByteColumn: Int(cmark_node_get_end_column(node)),
            depth: depth,
            parent: parent,
            subtreeEnd: 0
        )
    }

    private static func hasLiteral(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func kind(of node: OpaquePointer, type: cmark_node_type) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)) ?? "")
        case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)) ?? "")
        default: return .unknown
        }
    }

    /// cmark getters return NULL for the wrong node type; `String(cString:)` on NULL would trap.
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }
}
