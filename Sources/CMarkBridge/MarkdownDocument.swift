/// Markdown as plain Swift values, produced by `CMarkParser`.
///
/// Nodes live in one flat array in document (pre-)order. A node's descendants are the
/// contiguous range `index + 1 ..< subtreeEnd`, so callers walk the tree with loops rather
/// than recursion: a hostile file with thousands of nested block quotes cannot overflow
/// the stack.
public struct MarkdownDocument: Sendable {
    public let nodes: [MarkdownNode]

    public init(nodes: [MarkdownNode]) { self.nodes = nodes }

    /// Indices of the direct children of the node at `index`.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = nodes[index].subtreeEnd
        while child < end {
            result.append(child)
            child = nodes[child].subtreeEnd
        }
        return result
    }

    /// Indices of every descendant of `index`, in document order.
    public func descendants(of index: Int) -> Range<Int> {
        (index + 1)..<nodes[index].subtreeEnd
    }

    /// The concatenated text of a node's inline content (text, code spans, soft breaks as spaces).
    public func plainText(of index: Int) -> String {
        var text = ""
        for i in descendants(of: index) {
            let node = nodes[i]
            switch node.kind {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }
}

/// One Markdown element with its cmark source position.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document, blockQuote, list(ordered: Bool), item, codeBlock, htmlBlock
        case paragraph, heading(level: Int), thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        case link(destination: String), image(source: String)
        case customBlock, customInline, unknown
    }

    public let kind: Kind
    /// Text of leaf nodes (text, code span, code block, HTML); `nil` otherwise.
    public let literal: String?
    /// The info string of a fenced code block as cmark sees it (unescaped); `nil` for other nodes.
    /// An indented code block has an empty info string.
    public let fenceInfo: String?
    /// 1-based line and 1-based **byte** column, as cmark reports them. Inline nodes in
    /// cmark 0.30 carry no reliable positions (0); block nodes always do.
    public let startLine: Int
    public let startByteColumn: Int
    public let endLine: Int
    public let endByteColumn: Int
    /// Nesting depth; the document is 0.
    public let depth: Int
    /// Index of the parent node; `nil` for the document.
    public let parent: Int?
    /// One past the index of this node's last descendant.
    public internal(set) var subtreeEnd: Int

    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .customBlock:
            return true
        default:
            return false
        }
    }
}
